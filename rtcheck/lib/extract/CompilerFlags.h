//===- CompilerFlags.h - compile commands Clang can run ---------*- C++ -*-===//
//
// A compile command written for GCC may carry flags Clang's driver does not know
// (`-fconcepts-diagnostics-depth=3`, `-mno-direct-extern-access`); Clang refuses the whole
// command for one of them. As clangd does, such flags are dropped and named once per run.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_EXTRACT_COMPILERFLAGS_H
#define RTCHECK_EXTRACT_COMPILERFLAGS_H

#include <string>
#include <vector>

namespace rtcheck {

/// Removes from Args (a whole command line, the compiler first) every argument the Clang driver
/// does not know in the command's driver mode, and returns the removed arguments in order.
std::vector<std::string> dropUnknownFlags(std::vector<std::string> &Args);

} // namespace rtcheck

#endif
