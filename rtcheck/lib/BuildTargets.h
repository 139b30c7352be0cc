//===- BuildTargets.h - a build system's targets, as programs ---*- C++ -*-===//
//
// CMake's File API and Meson's introspection describe the same things: targets of a kind, the
// directory their objects go to, and the in-project libraries each links. Both readers fill this
// model; one function turns it into programs, so the two builds give programs by the same rules.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_BUILDTARGETS_H
#define RTCHECK_LIB_BUILDTARGETS_H

#include "rtcheck/Programs.h"
#include <map>
#include <string>
#include <vector>

namespace rtcheck {

struct BuildTarget {
  std::string Name;
  /// executable | shared_library | module_library | static_library | object_library
  std::string Kind;
  /// Absolute, normalised, ending in '/': a command whose output lies below belongs here.
  std::string ObjectDir;
  /// The output file's name (`jalv.so`), which names the program when two targets share a name
  /// (Meson allows an executable and a library both called `jalv`); may be empty.
  std::string FileName;
  /// Ids of the targets this one links (any kind; only libraries are followed).
  std::vector<std::string> Dependencies;
};

/// A compile command's output as written (its `output`, else its `-o`), or "".
std::string commandOutput(const clang::tooling::CompileCommand &C);

/// The absolute, normalised output path of a compile command (its `output`, else its `-o`),
/// or "" when it names none.
std::string commandOutputPath(const clang::tooling::CompileCommand &C);

/// Executables, shared and module libraries are programs and take in the libraries they link,
/// transitively; a library that no program links is a program of its own; commands no target
/// claims form a program per object directory. Sorted by name.
std::vector<ProgramUnit> programsFromTargets(const std::map<std::string, BuildTarget> &Targets,
                                             llvm::ArrayRef<clang::tooling::CompileCommand> Commands);

} // namespace rtcheck

#endif
