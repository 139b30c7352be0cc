//===- Config.h - roots, rules files and thresholds of a run ----*- C++ -*-===//
//
// The settings a user chooses per project: extra roots, extra rules files, the severity that fails
// the run, whether unknown calls are reported and extra compiler arguments. The command line, a
// `--config` file and each `.rtcheck.json` found above a source file (ConfigDiscovery.h) are each
// one Config layer; `merge` stacks them, so every layer is parsed and validated the same way and
// precedence lives in one place. Every key is one row of the key table in Config.cpp (parse,
// merge, dump): a new setting is a field here and a row there.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_CONFIG_H
#define RTCHECK_CONFIG_H

#include "rtcheck/Link.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace rtcheck {

/// The lowest severity that makes a run fail (exit status 1).
enum class FailOn { Error, Warning, None };

/// "error", "warning" or "none"; nothing for any other spelling.
std::optional<FailOn> parseFailOn(llvm::StringRef Name);
llvm::StringRef failOnName(FailOn F);

/// One layer of settings. Unset scalars (std::nullopt) let a lower layer or the default show.
struct Config {
  /// Extra roots, in order of precedence.
  std::vector<RootSpec> Roots;
  /// Extra rules files, loaded after the bundled rules; later files win. A configuration file's
  /// are made absolute against its directory.
  std::vector<std::string> RuleFiles;
  std::optional<FailOn> Threshold;
  std::optional<bool> ReportUnknown;
  /// `assume` facts (LinkOptions::Assume): an upper layer's value for a name replaces ours.
  std::map<std::string, int64_t> Assume;

  // Paths that end the program, and code that is not the user's (#10 causes 3 and 5).
  /// `noreturn_paths` / --noreturn-paths: report calls on paths that end the program.
  std::optional<bool> NoReturnPaths;
  /// `library` / --library: globs of files treated as library code (LibraryCode.h). A
  /// configuration file's relative globs are made absolute against its directory.
  std::vector<std::string> Library;
  /// `nonblocking_promises` / --no-nonblocking-promises: trust body-less nonblocking declarations.
  std::optional<bool> NonBlockingPromises;

  // --- configuration discovery and compiler arguments (#13) ---
  /// Appended to / inserted after the compiler of every compile command, as clang-tidy's
  /// `--extra-arg` / `--extra-arg-before`; a lower layer's come first.
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
  /// `"root": true`: discovery looks no further up than this file's directory. Not merged: it
  /// belongs to the file that says it.
  bool StopsDiscovery = false;
  /// The configuration files merged into this layer, farthest first (`config --dump` names them).
  std::vector<std::string> Sources;

  // --- summary cache (#13 section 4) ---
  /// `cache_dir` / --cache-dir: the summary cache's directory (a file's relative path is made
  /// absolute against its directory); "" (`--no-cache`): no cache. Unset: the tool's default.
  std::optional<std::string> CacheDir;
  /// `cache_max_size` / --cache-max-size: bytes the cache directory may hold.
  std::optional<uint64_t> CacheMaxBytes;

  /// Stacks Over on top of this layer so that Over wins: its roots come first (the first root
  /// naming a function gives its context), its rules files after ours (later files override),
  /// and each scalar it sets replaces ours.
  void merge(const Config &Over);

  FailOn failOn() const { return Threshold.value_or(FailOn::Error); }
  bool reportUnknown() const { return ReportUnknown.value_or(true); }
  bool noReturnPaths() const { return NoReturnPaths.value_or(false); }
  bool nonBlockingPromises() const { return NonBlockingPromises.value_or(true); }
};

/// Parses a configuration document:
///   {"roots": ["name", {"function": "name", "context": "ctx"}], "rules": ["file.json"],
///    "fail_on": "error" | "warning" | "none", "unknown": true | false,
///    "noreturn_paths": true | false, "library": ["third_party/*", "*/vendor/*"],
///    "nonblocking_promises": true | false,
///    "assume": {"verbose": 0, "Server::realtime_mode": 1},
///    "extra_args": ["-DX"], "extra_args_before": ["-DY"], "root": true,
///    "cache_dir": "path" | "", "cache_max_size": "2G" | bytes}
/// Relative rules paths are resolved against the directory of Path, and every error starts with
/// Path. Unknown keys are errors: a misspelt key silently ignored would change nothing.
llvm::Expected<Config> parseConfig(llvm::StringRef Text, llvm::StringRef Path);

/// Reads and parses the configuration file at Path.
llvm::Expected<Config> readConfigFile(llvm::StringRef Path);

/// The effective settings as a configuration document, defaults filled in: saved as a
/// `.rtcheck.json`, it gives the same settings. Sources and `root` are not part of it.
llvm::json::Object dumpConfig(const Config &C);

/// An assume fact written as NAME=VALUE (an integer; true and false read as 1 and 0), as
/// `--assume` takes it.
llvm::Expected<std::pair<std::string, int64_t>> parseAssumeSpec(llvm::StringRef Spec);

/// A root written as NAME or NAME=CONTEXT (no context: the rules' default context,
/// docs/rules-format.md), as `--root` takes it.
llvm::Expected<RootSpec> parseRootSpec(llvm::StringRef Spec);

} // namespace rtcheck

#endif
