//===- ValueWrites.h - the bits integer members may be given ----*- C++ -*-===//
//
// The possible bits of a field (#10, bridge; docs/constants.md): every
// write of an integer member of a record the user defines, with the bits it may set and the
// conditions under which it runs, and the records whose objects may be written some other way
// (raw memory, code the analysis cannot see). The link step (link/ValueBits) joins them over
// the program, so that `if (cbi->doRealtime)` is decided when no write that can run sets it.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_VALUEWRITES_H
#define RTCHECK_LIB_EXTRACT_VALUEWRITES_H

#include "SummaryBuilder.h"
#include "llvm/ADT/SetVector.h"

namespace rtcheck {

/// Fills B.Out.ValueWrites and B.Out.RawWrites from the TU's record definitions, the
/// initialisers of its globals and the bodies of Definitions.
void collectValueWrites(SummaryBuilder &B,
                        const llvm::SetVector<const clang::FunctionDecl *> &Definitions);

} // namespace rtcheck

#endif
