//===- DepFile.cpp - Make-syntax dependency files for build systems -------===//
#include "rtcheck/DepFile.h"

#include "rtcheck/AtomicFile.h"

namespace rtcheck {
namespace {

/// One path as a Make word: a space or '#' takes a backslash, '$' is doubled (what Clang's
/// DependencyFileGenerator does; both Ninja's depfile parser and GNU Make undo it).
std::string escapePath(llvm::StringRef Path) {
  std::string Out;
  Out.reserve(Path.size());
  for (char C : Path) {
    if (C == ' ' || C == '#')
      Out += '\\';
    else if (C == '$')
      Out += '$';
    Out += C;
  }
  return Out;
}

} // namespace

std::string formatDepFile(llvm::StringRef Target, llvm::ArrayRef<std::string> Dependencies) {
  std::string Out = escapePath(Target) + ":";
  for (const std::string &D : Dependencies)
    Out += " \\\n  " + escapePath(D);
  Out += "\n";
  return Out;
}

llvm::Error writeDepFile(llvm::StringRef Path, llvm::StringRef Target,
                         llvm::ArrayRef<std::string> Dependencies) {
  return writeFileAtomically(Path, formatDepFile(Target, Dependencies));
}

} // namespace rtcheck
