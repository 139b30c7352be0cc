//===- ConfigDiscovery.h - the settings that apply to a file ----*- C++ -*-===//
//
// Finds a file's configuration as clang-tidy finds `.clang-tidy`: every `.rtcheck.json` from the
// file's directory upwards (stopping after one that says `"root": true`), nearer files refining
// farther ones, then the command line on top. `--config FILE` names the one file instead.
// Settings about a site (fail_on, unknown) are read per file; settings about the whole program
// (roots, rules files) are the union over every file analysed.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_CONFIGDISCOVERY_H
#define RTCHECK_CONFIGDISCOVERY_H

#include "rtcheck/Config.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include <memory>

namespace rtcheck {

/// The name of the configuration file looked for beside and above each source file.
inline constexpr llvm::StringLiteral ConfigFileName = ".rtcheck.json";

class ConfigResolver {
public:
  /// CommandLine wins over every file. ExplicitFile (`--config`), when not empty, replaces
  /// discovery: it is the one file below the command line, for every source.
  ConfigResolver(Config CommandLine, std::string ExplicitFile);

  /// The effective settings of Path (a source file, or a directory): its configuration files
  /// farthest first, then the command line. Errors name the configuration file at fault.
  llvm::Expected<Config> forFile(llvm::StringRef Path);

  /// The settings of a run over Files: every configuration file any of them sees, farthest first
  /// (then by path), then the command line. The scalars are those of the command line or of the
  /// explicit file only: a directory's own fail_on or unknown applies to its files (forFile).
  llvm::Expected<Config> forProgram(llvm::ArrayRef<std::string> Files);

private:
  /// The configuration files that apply in Dir (absolute), nearest last, each parsed once.
  llvm::Expected<std::vector<const Config *>> chain(llvm::StringRef Dir);
  llvm::Expected<const Config *> fileIn(llvm::StringRef Dir);

  Config CommandLine;
  std::string ExplicitFile;
  std::optional<Config> Explicit;
  /// Per directory: its own `.rtcheck.json`, or null.
  llvm::StringMap<std::unique_ptr<Config>> Files;
  llvm::StringMap<std::vector<const Config *>> Chains;
};

} // namespace rtcheck

#endif
