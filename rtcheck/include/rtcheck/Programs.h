//===- Programs.h - the programs a build makes ------------------*- C++ -*-===//
//
// A compile database usually builds several programs (executables, plugins, tests). Each is
// linked on its own, so that same-named functions of different programs never meet: the build's
// own description of its targets (the CMake File API, Meson's introspection) says which commands make which program;
// without it the translation units are partitioned by their entry points. `linkPrograms` links
// each program and merges the findings, so that a finding in a source several programs share is
// reported once, naming them all.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_PROGRAMS_H
#define RTCHECK_PROGRAMS_H

#include "rtcheck/Link.h"
#include "rtcheck/Summary.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tooling {
struct CompileCommand;
}

namespace rtcheck {

/// One program: its name and the indices of the commands (or summaries) linked into it.
struct ProgramUnit {
  std::string Name;
  /// executable | shared_library | module_library | static_library | object_library | program
  std::string Kind;
  std::vector<unsigned> Members;
};

/// The programs of a CMake build directory, from its File API reply (codemodel v2), over
/// Commands. Writes the query file when it is missing. Returns std::nullopt when BuildDir is not
/// a CMake build directory or has no reply yet (then Note says how to get one).
/// Executables, shared and module libraries are programs; static and object libraries join the
/// programs that link them (in-project shared libraries too); a library no program links is a
/// program of its own. Commands no target claims form a program named after their object
/// directory.
llvm::Expected<std::optional<std::vector<ProgramUnit>>>
programsFromCMake(llvm::StringRef BuildDir, llvm::ArrayRef<clang::tooling::CompileCommand> Commands,
                  std::string &Note);

/// The programs of a Meson build directory, from `meson-info/intro-targets.json` (targets, their
/// kinds and outputs; a target's objects lie in `<output>.p/`) and the link edges of its
/// `build.ninja` (which in-project libraries each target links), by the same rules as
/// programsFromCMake. std::nullopt when BuildDir is not a Meson build directory.
llvm::Expected<std::optional<std::vector<ProgramUnit>>>
programsFromMeson(llvm::StringRef BuildDir, llvm::ArrayRef<clang::tooling::CompileCommand> Commands,
                  std::string &Note);

/// Partitions translation units by their entry points: a TU defining `main` or a plugin entry
/// (`lv2_descriptor`, `ladspa_descriptor`, `clap_entry`, `VSTPluginMain`, `GetPluginFactory`,
/// `jack_initialize`) starts a program; every other TU joins each program whose references it
/// resolves (transitively). TUs no program needs are grouped by ObjectDirs (a name per TU, such
/// as the target directory of the object file). With no entry point at all, one program.
std::vector<ProgramUnit> programsFromEntries(llvm::ArrayRef<const Summary *> TUs,
                                             llvm::ArrayRef<std::string> ObjectDirs);

/// The target name an object path names (`CMakeFiles/NAME.dir/...`, Meson's `NAME.p/...`), or
/// the source file's stem.
std::string objectDirName(const clang::tooling::CompileCommand &C);

/// Links each program of Programs (whose Members index Summaries) and merges the results:
/// findings and roots carry the programs they occur in; a function defined at two places in one
/// program's translation units is a warning naming both.
LinkResult linkPrograms(llvm::ArrayRef<Summary> Summaries, llvm::ArrayRef<ProgramUnit> Programs,
                        const RuleSet &Rules, const LinkOptions &Options);

} // namespace rtcheck

#endif
