//===- AtomicFile.h - all-or-nothing output files ---------------*- C++ -*-===//
#ifndef RTCHECK_ATOMICFILE_H
#define RTCHECK_ATOMICFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace rtcheck {

/// Writes Contents to Path through a temporary file in the same directory and a rename, so a
/// reader sees either the previous file or the whole new one, never a truncated document.
/// Path "-" writes to standard output.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents);

} // namespace rtcheck

#endif
