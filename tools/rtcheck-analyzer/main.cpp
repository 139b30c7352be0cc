//===- main.cpp - rtcheck-analyzer: check, extract, link, rules, config ---===//
//
// The LLVM-linked half of the rtcheck command line. Users call it through the `rtcheck` driver
// (which execs it for these subcommands) so that `rtcheck run` starts without loading LLVM.
// This file only maps flags onto the library's options structs (rtcheck/Check.h) and the
// outcome onto an exit status; every error arrives as an llvm::Error and leaves as one line.
//
// Exit status: 0 nothing at or above --fail-on; 1 findings; 2 usage or configuration error;
// 3 a translation unit could not be analysed (the others are still analysed and reported).
//
//===----------------------------------------------------------------------===//
#include "rtcheck/Check.h"
#include "rtcheck/Progress.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>

using namespace llvm;
using namespace rtcheck;

namespace {

/// Every flag of every subcommand; the subcommand that was parsed decides which are read.
struct Flags {
  std::vector<std::string> RuleFiles;
  std::string RulesDir;
  std::string Config;
  std::vector<std::string> Roots;
  std::vector<std::string> Assume;
  std::string Format = "text";
  std::string Output = "-";
  std::string FailOn = "error";
  std::string SourceRoot;
  std::string Color = "auto";
  bool NoUnknown = false;
  bool FailOnNoRoots = false;
  unsigned MaxFindings = DefaultMaxFindings;
  bool NoReturnPaths = false;
  bool NoNonBlockingPromises = false;
  std::vector<std::string> Library;

  std::string BuildPath;
  std::vector<std::string> Files;
  unsigned Jobs = 0;
  std::string Select;
  std::optional<std::vector<std::string>> CompilerFlags;
  std::string SummaryFile, SummaryDir, DepFile;
  bool Stats = false;

  std::vector<std::string> Summaries;
  std::string RulesAction;
  std::vector<std::string> RulesArgs;

  bool Quiet = false;
  bool Progress = false;
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  std::string Baseline, WriteBaseline;
  bool Dump = false;
  std::string DumpFile;

  std::string CacheDir;
  bool NoCache = false;
  std::string CacheMaxSize;
};

/// A repeatable option taking one value each, so that it never swallows the file arguments.
CLI::Option *addRepeatable(CLI::App &App, const std::string &Name, std::vector<std::string> &To,
                           const std::string &Help) {
  return App.add_option(Name, To, Help)
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void addQuietOption(CLI::App &App, Flags &F) {
  App.add_flag("-q,--quiet", F.Quiet,
               "Print findings and errors only (no summary, progress or warnings)");
}

/// Configuration files and flags that go into every compile command.
void addConfigOptions(CLI::App &App, Flags &F) {
  App.add_option("--config", F.Config,
                 "JSON configuration file used instead of the .rtcheck.json files found above "
                 "the sources");
  addRepeatable(App, "--extra-arg", F.ExtraArgs, "Compiler argument appended to every command");
  addRepeatable(App, "--extra-arg-before", F.ExtraArgsBefore,
                "Compiler argument inserted after the compiler of every command");
}

void addRulesOptions(CLI::App &App, Flags &F) {
  addRepeatable(App, "--rules", F.RuleFiles, "Extra rules file (overrides bundled entries)");
  App.add_option("--rules-dir", F.RulesDir, "Use this rules directory instead of the bundled one");
}

void addAnalysisOptions(CLI::App &App, Flags &F) {
  addRulesOptions(App, F);
  addRepeatable(App, "--root", F.Roots,
                "Extra real-time root: NAME or NAME=CONTEXT (wildcards ok)");
  addRepeatable(App, "--assume", F.Assume,
                "Run-mode fact NAME=VALUE: a global or member holds VALUE for the whole run");
  App.add_option("--format", F.Format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  App.add_option("-o,--output", F.Output, "Write the report to FILE (atomically)");
  App.add_option("--fail-on", F.FailOn, "Lowest severity that makes the exit status 1")
      ->check(CLI::IsMember({"error", "warning", "none"}));
  App.add_option("--source-root", F.SourceRoot,
                 "SARIF paths are relative to this directory (default: current directory)");
  App.add_option("--color", F.Color, "Colour text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  App.add_flag("--no-unknown", F.NoUnknown,
               "Do not report calls to functions with no body and no rule");
  App.add_option("--max-findings", F.MaxFindings,
                 "List at most N findings in the report (0: all; the exit status counts all)")
      ->capture_default_str();
  App.add_flag("--fail-on-no-roots", F.FailOnNoRoots,
               "Exit with status 2 when no real-time root is found (nothing was checked)");
  App.add_flag("--noreturn-paths", F.NoReturnPaths,
               "Also report calls on paths that end the program (failing asserts, abort, "
               "noreturn error handlers)");
  App.add_flag("--no-nonblocking-promises", F.NoNonBlockingPromises,
               "Report calls to body-less [[clang::nonblocking]] declarations instead of "
               "trusting them");
  App.add_option("--library", F.Library,
                 "Treat files matching GLOB as library code: findings at the user's call into "
                 "them (repeatable)")
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  App.add_flag("--stats", F.Stats,
               "Print programs, commands, roots by origin and reachable functions on stderr");
  App.add_option("--baseline", F.Baseline,
                 "Report only the findings this baseline file does not record");
  App.add_option("--write-baseline", F.WriteBaseline,
                 "Record every finding of this run in FILE (they are then all baselined)");
  addQuietOption(App, F);
}

void addCacheOptions(CLI::App &App, Flags &F) {
  CLI::Option *Dir = App.add_option(
      "--cache-dir", F.CacheDir,
      "Summary cache directory (default: $XDG_CACHE_HOME/rtcheck or ~/.cache/rtcheck)");
  App.add_flag("--no-cache", F.NoCache, "Parse every translation unit; use no summary cache")
      ->excludes(Dir);
  App.add_option("--cache-max-size", F.CacheMaxSize,
                 "Bytes the summary cache may hold, e.g. 500M or 2G (default 2G); the least "
                 "recently used entries are removed beyond it");
}

void addInputOptions(CLI::App &App, Flags &F, const char *FilesHelp, const char *SelectHelp) {
  App.add_option("-p", F.BuildPath, "Build directory with compile_commands.json (or the file)");
  App.add_option("files", F.Files, FilesHelp);
  App.add_option("-j,--jobs", F.Jobs, "Translation units analysed in parallel (default: cores)");
  App.add_option("--select", F.Select, SelectHelp);
  App.add_flag("--progress", F.Progress,
               "Show progress on stderr even when it is not a terminal (one line per file)");
}

std::string rulesDir(const Flags &F, const char *Argv0) {
  return F.RulesDir.empty() ? findBundledRulesDir(Argv0) : F.RulesDir;
}

/// Flags given explicitly form the top configuration layer; defaults are left unset so that a
/// configuration file can supply them.
Expected<AnalysisOptions> analysisOptions(const CLI::App &Cmd, const Flags &F, const char *Argv0) {
  AnalysisOptions A;
  for (const std::string &R : F.Roots) {
    Expected<RootSpec> Spec = parseRootSpec(R);
    if (!Spec)
      return Spec.takeError();
    A.CommandLine.Roots.push_back(std::move(*Spec));
  }
  for (const std::string &Fact : F.Assume) {
    Expected<std::pair<std::string, int64_t>> Spec = parseAssumeSpec(Fact);
    if (!Spec)
      return Spec.takeError();
    A.CommandLine.Assume[Spec->first] = Spec->second;
  }
  A.CommandLine.RuleFiles = F.RuleFiles;
  A.CommandLine.ExtraArgs = F.ExtraArgs;
  A.CommandLine.ExtraArgsBefore = F.ExtraArgsBefore;
  if (const CLI::Option *O = Cmd.get_option_no_throw("--fail-on"); O && O->count())
    A.CommandLine.Threshold = parseFailOn(F.FailOn);
  if (F.NoUnknown)
    A.CommandLine.ReportUnknown = false;
  if (F.NoReturnPaths)
    A.CommandLine.NoReturnPaths = true;
  if (F.NoNonBlockingPromises)
    A.CommandLine.NonBlockingPromises = false;
  A.CommandLine.Library = F.Library;
  A.ConfigFile = F.Config;
  A.RulesDir = rulesDir(F, Argv0);
  A.SourceRoot = F.SourceRoot;
  A.BaselineFile = F.Baseline;
  A.WriteBaselineFile = F.WriteBaseline;
  if (F.NoCache)
    A.CommandLine.CacheDir = "";
  else if (const CLI::Option *O = Cmd.get_option_no_throw("--cache-dir"); O && O->count())
    A.CommandLine.CacheDir = F.CacheDir;
  if (!F.CacheMaxSize.empty()) {
    Expected<uint64_t> Max = parseCacheSize(F.CacheMaxSize);
    if (!Max)
      return Max.takeError();
    A.CommandLine.CacheMaxBytes = *Max;
  }
  return A;
}

/// The progress line of check and extract: on a terminal unless --quiet; elsewhere if asked.
std::optional<ProgressLine> progressLine(const Flags &F) {
  bool Terminal = sys::Process::StandardErrIsDisplayed();
  if (F.Quiet || (!Terminal && !F.Progress))
    return std::nullopt;
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  return std::optional<ProgressLine>(std::in_place, errs(), Terminal, std::string(Cwd));
}

void showProgress(std::optional<ProgressLine> &P, ExtractOptions &O) {
  if (P)
    O.OnDone = [&P](unsigned Done, unsigned Total, StringRef File) {
      P->update(Done, Total, File);
    };
}

OutputOptions outputOptions(const Flags &F) {
  OutputOptions O;
  O.Fmt = F.Format == "json" ? Format::JSON : F.Format == "sarif" ? Format::SARIF : Format::Text;
  O.Path = F.Output;
  O.Color = F.Color == "always"  ? ColorMode::Always
            : F.Color == "never" ? ColorMode::Never
                                 : ColorMode::Auto;
  O.Quiet = F.Quiet;
  return O;
}

constexpr const char *NoRootsMessage =
    "no real-time roots found: nothing was checked (annotate or register a callback, or pass "
    "--root NAME)";

void printInputErrors(ArrayRef<InputError> Errors) {
  for (const InputError &E : Errors)
    errs() << "rtcheck: error: " << E.File << ": " << E.Message << "\n";
}

int usageError(Error E) {
  errs() << "rtcheck: error: " << toString(std::move(E)) << "\n";
  return ExitUsage;
}

/// Writes the report of `check` or `link` and maps it onto the exit status.
int report(Expected<CheckResult> R, const Flags &F) {
  if (!R)
    return usageError(R.takeError());
  // Judged on every finding, before the report's list is capped.
  ExitStatus Status = exitStatus(*R);
  size_t Warnings = R->Result.Link.Warnings.size();
  capFindings(R->Result, F.MaxFindings);
  OutputOptions O = outputOptions(F);
  if (Error E = writeReport(R->Result, O))
    return usageError(std::move(E));
  if ((O.Fmt != Format::Text || O.Path != "-") && R->Result.Link.Warnings.size() > Warnings)
    errs() << "rtcheck: warning: " << R->Result.Link.Warnings.back() << "\n";
  // Also when text on standard output lists them: a CI log or a pipe keeps standard error.
  printInputErrors(R->Result.Errors);
  if (F.Stats)
    emitStats(errs(), R->Result);
  if (R->Result.Link.Roots.empty()) {
    errs() << "rtcheck: " << (F.FailOnNoRoots ? "error: " : "warning: ") << NoRootsMessage
           << "\n";
    if (F.FailOnNoRoots)
      return ExitUsage;
  }
  return Status;
}

int checkCommand(const CLI::App &Cmd, const Flags &F, const char *Argv0) {
  Expected<AnalysisOptions> A = analysisOptions(Cmd, F, Argv0);
  if (!A)
    return usageError(A.takeError());
  CheckOptions O;
  O.Analysis = std::move(*A);
  O.Database.FixedFlags = F.CompilerFlags;
  O.Database.BuildPath = F.BuildPath;
  O.Files = F.Files;
  O.Select = F.Select;
  O.Extract.Jobs = F.Jobs;
  O.DefaultCacheDir = defaultCacheDir();
  std::optional<ProgressLine> Progress = progressLine(F);
  showProgress(Progress, O.Extract);
  Expected<CheckResult> R = runCheck(O);
  if (Progress)
    Progress->finish();
  return report(std::move(R), F);
}

int linkCommand(const CLI::App &Cmd, const Flags &F, const char *Argv0) {
  Expected<AnalysisOptions> A = analysisOptions(Cmd, F, Argv0);
  if (!A)
    return usageError(A.takeError());
  LinkFilesOptions O;
  O.Analysis = std::move(*A);
  O.Inputs = F.Summaries;
  return report(runLink(O), F);
}

int extractCommand(const Flags &F) {
  ExtractFilesOptions O;
  O.Database.FixedFlags = F.CompilerFlags;
  O.Database.BuildPath = F.BuildPath;
  O.Files = F.Files;
  O.Select = F.Select;
  O.Extract.Jobs = F.Jobs;
  O.Output = F.SummaryFile;
  O.OutputDir = F.SummaryDir;
  O.DepFile = F.DepFile;
  O.CommandLine.ExtraArgs = F.ExtraArgs;
  O.CommandLine.ExtraArgsBefore = F.ExtraArgsBefore;
  O.ConfigFile = F.Config;
  std::optional<ProgressLine> Progress = progressLine(F);
  showProgress(Progress, O.Extract);
  std::vector<std::string> Warnings;
  Expected<std::vector<InputError>> Failed = runExtract(O, &Warnings);
  if (Progress)
    Progress->finish();
  if (!Failed)
    return usageError(Failed.takeError());
  if (!F.Quiet)
    for (const std::string &W : Warnings)
      errs() << "rtcheck: warning: " << W << "\n";
  printInputErrors(*Failed);
  return Failed->empty() ? ExitOk : ExitInput;
}

int rulesCommand(const Flags &F, const char *Argv0) {
  RulesCommandOptions O;
  O.Action = F.RulesAction;
  O.Args = F.RulesArgs;
  O.RulesDir = rulesDir(F, Argv0);
  O.RuleFiles = F.RuleFiles;
  O.Quiet = F.Quiet;
  int Status = ExitOk;
  handleAllErrors(
      runRulesCommand(O, outs()),
      [&](const NoRuleMatches &N) {
        errs() << "rtcheck: " << N.message() << "\n";
        Status = ExitFindings;
      },
      [&](const ErrorInfoBase &E) {
        errs() << "rtcheck: error: " << E.message() << "\n";
        Status = ExitUsage;
      });
  return Status;
}

int configCommand(const CLI::App &Cmd, const Flags &F, const char *Argv0) {
  if (!F.Dump)
    return usageError(createStringError(inconvertibleErrorCode(),
                                        "config: pass --dump [FILE] to show the configuration"));
  Expected<AnalysisOptions> A = analysisOptions(Cmd, F, Argv0);
  if (!A)
    return usageError(A.takeError());
  std::vector<std::string> Notes;
  if (Error E = dumpEffectiveConfig(*A, F.DumpFile, outs(), Notes))
    return usageError(std::move(E));
  if (!F.Quiet)
    for (const std::string &N : Notes)
      errs() << "rtcheck: note: " << N << "\n";
  return ExitOk;
}

int listChecksCommand(const CLI::App &Cmd, const Flags &F, const char *Argv0) {
  Expected<AnalysisOptions> A = analysisOptions(Cmd, F, Argv0);
  if (!A)
    return usageError(A.takeError());
  if (Error E = listChecks(*A, outs()))
    return usageError(std::move(E));
  return ExitOk;
}

} // namespace

int main(int argc, char **argv) {
  Flags F;
  // Everything after "--" is compiler flags, as in clang-tidy; CLI11 sees the rest.
  int CLIArgc = argc;
  for (int I = 1; I < argc; ++I)
    if (StringRef(argv[I]) == "--") {
      CLIArgc = I;
      F.CompilerFlags.emplace(argv + I + 1, argv + argc);
      break;
    }

  CLI::App App{"rtcheck: real-time safety analyzer for C and C++"};
  App.name("rtcheck");
  App.set_version_flag("--version", std::string("rtcheck ") + RTCHECK_VERSION);
  App.require_subcommand(1);

  CLI::App *Check = App.add_subcommand("check", "Analyse translation units and report findings");
  addInputOptions(*Check, F, "Source files (default: every file of the database)",
                  "Analyse only compile commands matching REGEX (command line and output path): "
                  "picks one program from a database that builds several");
  addAnalysisOptions(*Check, F);
  addConfigOptions(*Check, F);
  addCacheOptions(*Check, F);

  CLI::App *Extract = App.add_subcommand("extract", "Reduce translation units to summary files");
  addInputOptions(*Extract, F, "Source files", "Extract only compile commands matching REGEX");
  Extract->add_option("-o,--output", F.SummaryFile, "Summary file (one input)");
  Extract->add_option("--output-dir", F.SummaryDir, "Directory for summary files (several inputs)");
  Extract->add_option("--depfile", F.DepFile,
                      "With -o: also write a Make-syntax depfile of every file the TU read");
  addConfigOptions(*Extract, F);
  addQuietOption(*Extract, F);

  CLI::App *Link = App.add_subcommand("link", "Link summaries and report findings");
  Link->add_option("summaries", F.Summaries, "Summary files or directories of them");
  addAnalysisOptions(*Link, F);
  Link->add_option("--config", F.Config,
                   "JSON configuration file used instead of the .rtcheck.json files found above "
                   "the sources");

  CLI::App *Rules = App.add_subcommand("rules", "List, show or validate rules");
  Rules->add_option("action", F.RulesAction, "list | show NAME | validate FILE...")->required();
  Rules->add_option("args", F.RulesArgs, "Function name or rules files");
  addRulesOptions(*Rules, F);
  addQuietOption(*Rules, F);

  CLI::App *ConfigCmd = App.add_subcommand(
      "config", "Show the effective configuration of a file: config --dump [FILE]");
  ConfigCmd->add_flag("--dump", F.Dump, "Print the effective configuration as JSON");
  ConfigCmd->add_option("file", F.DumpFile, "Source file or directory (default: .)");
  ConfigCmd->add_option("--config", F.Config, "Use this configuration file instead of discovery");
  addRepeatable(*ConfigCmd, "--root", F.Roots, "Extra real-time root, as for check");
  ConfigCmd->add_option("--fail-on", F.FailOn, "As for check")
      ->check(CLI::IsMember({"error", "warning", "none"}));
  ConfigCmd->add_flag("--no-unknown", F.NoUnknown, "As for check");
  addRepeatable(*ConfigCmd, "--rules", F.RuleFiles, "As for check");
  addRepeatable(*ConfigCmd, "--extra-arg", F.ExtraArgs, "As for check");
  addRepeatable(*ConfigCmd, "--extra-arg-before", F.ExtraArgsBefore, "As for check");
  addQuietOption(*ConfigCmd, F);

  CLI::App *ListChecks = App.add_subcommand(
      "list-checks", "List the check ids, their descriptions and severity in each context");
  addRulesOptions(*ListChecks, F);
  ListChecks->add_option("--config", F.Config, "Use this configuration file instead of discovery");
  ListChecks->add_flag("--no-unknown", F.NoUnknown, "As for check");
  addQuietOption(*ListChecks, F);

  try {
    App.parse(CLIArgc, argv);
  } catch (const CLI::ParseError &E) {
    // --help and --version arrive as ParseErrors with status 0; App.exit prints them.
    if (E.get_exit_code() == 0)
      return App.exit(E);
    errs() << "rtcheck: error: " << E.what() << " (see rtcheck --help)\n";
    return ExitUsage;
  }
  if (F.CompilerFlags && !(Check->parsed() || Extract->parsed()))
    return usageError(createStringError(inconvertibleErrorCode(),
                                        "'--' compiler flags apply to check and extract only"));
  if (Check->parsed())
    return checkCommand(*Check, F, argv[0]);
  if (Extract->parsed())
    return extractCommand(F);
  if (Link->parsed())
    return linkCommand(*Link, F, argv[0]);
  if (ConfigCmd->parsed())
    return configCommand(*ConfigCmd, F, argv[0]);
  if (ListChecks->parsed())
    return listChecksCommand(*ListChecks, F, argv[0]);
  return rulesCommand(F, argv[0]);
}
