//===- DepFile.h - Make-syntax dependency files for build systems --*- C++ -*-===//
//
// `rtcheck extract --depfile FILE` tells Ninja (`deps = gcc`) and Make which files a summary was
// made from, in the format compilers write with `-MD -MF`, so that a build re-extracts a
// translation unit exactly when one of them changes.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_DEPFILE_H
#define RTCHECK_DEPFILE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace rtcheck {

/// `Target: Dep Dep ...` with one prerequisite per continued line, spaces, `#` and `$` escaped
/// the way GCC and Clang escape them (Ninja and GNU Make both read that).
std::string formatDepFile(llvm::StringRef Target, llvm::ArrayRef<std::string> Dependencies);

/// Writes formatDepFile atomically to Path.
llvm::Error writeDepFile(llvm::StringRef Path, llvm::StringRef Target,
                         llvm::ArrayRef<std::string> Dependencies);

} // namespace rtcheck

#endif
