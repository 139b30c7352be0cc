//===- AtomicFile.h - all-or-nothing output files ---------------*- C++ -*-===//
#ifndef RTCHECK_ATOMICFILE_H
#define RTCHECK_ATOMICFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace rtcheck {

/// Writes what Write produces to Path so that no reader ever sees a half-written document and no
/// file is destroyed:
/// - a regular file (or a new one) is written through a temporary file in the same directory and
///   renamed over it, keeping the old file's permissions;
/// - a symbolic link is followed: the file it points to is replaced, the link stays;
/// - a FIFO, a character device or a socket (`-o /dev/null`) is opened and written in place,
///   never replaced;
/// - a directory is an error.
/// Path "-" writes to standard output.
llvm::Error writeFileAtomically(llvm::StringRef Path,
                                llvm::function_ref<void(llvm::raw_ostream &)> Write);
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents);

} // namespace rtcheck

#endif
