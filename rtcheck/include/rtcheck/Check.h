//===- Check.h - the analyzer's commands as library calls -------*- C++ -*-===//
//
// What `rtcheck check`, `extract`, `link` and `rules` do, each taking one options struct and
// returning a result or an llvm::Error: configuration layering, rules loading, program selection,
// extraction, linking, writing the report and the exit status. The tools only map their flags
// onto these structs.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_CHECK_H
#define RTCHECK_CHECK_H

#include "rtcheck/CompileDatabase.h"
#include "rtcheck/Config.h"
#include "rtcheck/ConfigDiscovery.h"
#include "rtcheck/Emit.h"
#include "rtcheck/Extract.h"
#include "rtcheck/Rules.h"
#include "rtcheck/SummaryCache.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace rtcheck {

/// Settings shared by the commands that link: configuration layers and rules.
struct AnalysisOptions {
  /// Settings given as flags; they win over every configuration file.
  Config CommandLine;
  /// A configuration file (`--config`) used instead of the `.rtcheck.json` files found above the
  /// sources (ConfigDiscovery.h); empty: discover them.
  std::string ConfigFile;
  /// The rules directory: the bundled one (findBundledRulesDir) or `--rules-dir`.
  std::string RulesDir;
  /// Findings' paths are made relative to this directory in SARIF; empty: the current one.
  std::string SourceRoot;

  // --- baselines (#13) ---
  /// `--baseline`: report only the findings this file does not record (Baseline.h).
  std::string BaselineFile;
  /// `--write-baseline`: record every finding of the run here; they are then all baselined.
  std::string WriteBaselineFile;
};

/// `rtcheck check`: extract a program's translation units and link them.
struct CheckOptions {
  AnalysisOptions Analysis;
  DatabaseOptions Database;
  /// Source files to analyse; empty: every file of the database.
  std::vector<std::string> Files;
  /// Regular expression choosing one program's compile commands (`--select`).
  std::string Select;
  ExtractOptions Extract;

  // --- summary cache (#13 section 4) ---
  /// The summary cache's directory (SummaryCache.h) when no configuration layer names one
  /// (`cache_dir`, --cache-dir, --no-cache); empty: no cache. The tool passes defaultCacheDir().
  std::string DefaultCacheDir;
};

/// `rtcheck link`: link summary files written by `extract`.
struct LinkFilesOptions {
  AnalysisOptions Analysis;
  /// Summary files, or directories whose *.rtsum.json files are read.
  std::vector<std::string> Inputs;
};

/// `rtcheck extract`: write one summary file per translation unit.
struct ExtractFilesOptions {
  DatabaseOptions Database;
  std::vector<std::string> Files;
  std::string Select;
  ExtractOptions Extract;
  /// The summary file of the one input, or...
  std::string Output;
  /// ...the directory receiving `<name>.<hash of path>.rtsum.json` per input.
  std::string OutputDir;

  // --- configuration discovery (#13) ---
  /// As in AnalysisOptions: the extra compiler arguments of the flags and configuration files.
  Config CommandLine;
  std::string ConfigFile;

  // --- build-system integration (#13 §3) ---
  /// With Output: a Make-syntax depfile naming Output and every file the TU read (written
  /// atomically after the summary), so that Ninja and Make re-extract when a header changes.
  std::string DepFile;
};

/// A linked run: the report and the settings it was judged by.
struct CheckResult {
  Report Result;
  Config Settings;

  // --- per-file configuration (#13) ---
  /// Findings at or above the `fail_on` of the configuration of their site's file.
  unsigned Failing = 0;
};

/// The rules of RulesDir, then ExtraFiles in order (later entries override earlier ones).
llvm::Expected<RuleSet> loadRules(llvm::StringRef RulesDir, llvm::ArrayRef<std::string> ExtraFiles);

/// Errors: configuration, rules, database and selection problems (a usage error). A translation
/// unit that fails is not an error: it is listed in the report's Errors and the rest is analysed.
llvm::Expected<CheckResult> runCheck(const CheckOptions &Options);
llvm::Expected<CheckResult> runLink(const LinkFilesOptions &Options);
/// Writes the summaries that could be extracted; returns the translation units that could not.
/// Warnings (compiler flags dropped) are added to Warnings when given.
llvm::Expected<std::vector<InputError>> runExtract(const ExtractFilesOptions &Options,
                                                   std::vector<std::string> *Warnings = nullptr);

/// `rtcheck rules`: list the merged rules, show the one a function name matches, or validate
/// rules files on their own.
struct RulesCommandOptions {
  std::string Action; ///< list | show | validate
  std::vector<std::string> Args;
  std::string RulesDir;
  std::vector<std::string> RuleFiles;
  /// `--quiet`: no count line under `list`.
  bool Quiet = false;
};

/// `rules show NAME` found no rule for NAME: an answer rather than a usage error (like grep, the
/// tool exits with status 1).
class NoRuleMatches : public llvm::ErrorInfo<NoRuleMatches> {
public:
  static char ID;
  explicit NoRuleMatches(std::string Name) : Name(std::move(Name)) {}
  void log(llvm::raw_ostream &OS) const override { OS << "no rule matches '" << Name << "'"; }
  std::error_code convertToErrorCode() const override { return llvm::inconvertibleErrorCode(); }

private:
  std::string Name;
};

/// Errors: NoRuleMatches, or a usage or rules problem.
llvm::Error runRulesCommand(const RulesCommandOptions &Options, llvm::raw_ostream &OS);

// --- configuration commands (#13) ---
/// `rtcheck config --dump [FILE]`: the effective configuration of FILE (default: the current
/// directory) as a `.rtcheck.json` document; the files it was merged from go to Notes.
llvm::Error dumpEffectiveConfig(const AnalysisOptions &Options, llvm::StringRef File,
                                llvm::raw_ostream &OS, std::vector<std::string> &Notes);
/// `rtcheck list-checks`: every check id with its description and its severity in each context
/// of the rules the configuration of the current directory loads.
llvm::Error listChecks(const AnalysisOptions &Options, llvm::raw_ostream &OS);

enum class ColorMode { Auto, Always, Never };

/// Whether text for standard output (Path "-") or a file is coloured: `always` and `never` as
/// said; `auto` when the text goes to a terminal and NO_COLOR is unset or empty.
bool useColor(ColorMode Mode, llvm::StringRef Path);

struct OutputOptions {
  Format Fmt = Format::Text;
  /// Written atomically; "-" is standard output.
  std::string Path = "-";
  /// Auto colours text written to a terminal.
  ColorMode Color = ColorMode::Auto;
  /// `--quiet`: text output is the findings and errors only (no warnings, no summary line).
  bool Quiet = false;
};

llvm::Error writeReport(const Report &R, const OutputOptions &Options);


/// The analyzer's exit statuses, shared by every command.
enum ExitStatus : int {
  ExitOk = 0,       ///< nothing at or above the failure threshold
  ExitFindings = 1, ///< findings at or above it
  ExitUsage = 2,    ///< a usage or configuration error: nothing was analysed
  ExitInput = 3,    ///< a translation unit could not be analysed; the others were
};

ExitStatus exitStatus(const CheckResult &R);

} // namespace rtcheck

#endif
