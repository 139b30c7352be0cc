//===- Suppressions.h - `// rtcheck-allow(...)` comments --------*- C++ -*-===//
#ifndef RTCHECK_SUPPRESSIONS_H
#define RTCHECK_SUPPRESSIONS_H

#include "rtcheck/Summary.h"
#include "llvm/Support/MemoryBufferRef.h"
#include <vector>

namespace rtcheck {

/// Appends the `// rtcheck-allow(alloc,lock): reason` comments of one source file to Out, in line
/// order. A comment alone on its line covers the next line, otherwise its own. The suppressions
/// name the file by Buffer's identifier; Buffer must be null-terminated, as the buffers of
/// llvm::MemoryBuffer and clang::SourceManager are.
void scanSuppressions(llvm::MemoryBufferRef Buffer, std::vector<Suppression> &Out);

} // namespace rtcheck

#endif
