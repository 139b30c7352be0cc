//===- LibraryCode.h - files the user declares library code -----*- C++ -*-===//
//
// Single-header libraries, vendored folders and generated code are not the user's to fix. The
// `library` setting (--library GLOB, configuration `library`) makes their functions and call
// sites library code, exactly like a system header's: a finding is reported at the user's call
// into them, with the chain inside as evidence.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIBRARYCODE_H
#define RTCHECK_LIBRARYCODE_H

#include "rtcheck/Summary.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>

namespace rtcheck {

/// Marks every function and call site located in a file matching one of Globs as library code.
/// A glob is matched against the absolute path; one that is neither absolute nor starts with
/// `*` is taken relative to the current directory. `*` matches across `/`.
void markLibraryCode(llvm::MutableArrayRef<Summary> Summaries,
                     llvm::ArrayRef<std::string> Globs);

} // namespace rtcheck

#endif
