//===- main.cpp - rtcheck-analyzer: check, extract, link, rules -----------===//
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

  std::string BuildPath;
  std::vector<std::string> Files;
  unsigned Jobs = 0;
  std::string Select;
  std::optional<std::vector<std::string>> CompilerFlags;
  std::string SummaryFile, SummaryDir;
  bool Stats = false;

  std::vector<std::string> Summaries;
  std::string RulesAction;
  std::vector<std::string> RulesArgs;
};

void addRulesOptions(CLI::App &App, Flags &F) {
  // Repeatable options take one value each, so that they never swallow the file arguments.
  App.add_option("--rules", F.RuleFiles, "Extra rules file (overrides bundled entries)")
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  App.add_option("--rules-dir", F.RulesDir, "Use this rules directory instead of the bundled one");
}

void addAnalysisOptions(CLI::App &App, Flags &F) {
  addRulesOptions(App, F);
  App.add_option("--config", F.Config, "JSON configuration file (roots, rules, fail_on)");
  App.add_option("--root", F.Roots, "Extra real-time root: NAME or NAME=CONTEXT (wildcards ok)")
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  App.add_option("--assume", F.Assume,
                 "Run-mode fact NAME=VALUE: a global or member holds VALUE for the whole run")
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
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
  App.add_flag("--stats", F.Stats,
               "Print programs, commands, roots by origin and reachable functions on stderr");
}

void addInputOptions(CLI::App &App, Flags &F, const char *FilesHelp, const char *SelectHelp) {
  App.add_option("-p", F.BuildPath, "Build directory with compile_commands.json (or the file)");
  App.add_option("files", F.Files, FilesHelp);
  App.add_option("-j,--jobs", F.Jobs, "Translation units analysed in parallel (default: cores)");
  App.add_option("--select", F.Select, SelectHelp);
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
  if (Cmd.count("--fail-on"))
    A.CommandLine.Threshold = parseFailOn(F.FailOn);
  if (F.NoUnknown)
    A.CommandLine.ReportUnknown = false;
  A.ConfigFile = F.Config;
  A.RulesDir = rulesDir(F, Argv0);
  A.SourceRoot = F.SourceRoot;
  return A;
}

OutputOptions outputOptions(const Flags &F) {
  OutputOptions O;
  O.Fmt = F.Format == "json" ? Format::JSON : F.Format == "sarif" ? Format::SARIF : Format::Text;
  O.Path = F.Output;
  O.Color = F.Color == "always"  ? ColorMode::Always
            : F.Color == "never" ? ColorMode::Never
                                 : ColorMode::Auto;
  return O;
}

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
  OutputOptions O = outputOptions(F);
  if (Error E = writeReport(R->Result, O))
    return usageError(std::move(E));
  // Text on standard output already lists the errors; elsewhere they would go unseen.
  if (O.Fmt != Format::Text || O.Path != "-")
    printInputErrors(R->Result.Errors);
  if (F.Stats)
    emitStats(errs(), R->Result);
  return exitStatus(*R);
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
  return report(runCheck(O), F);
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
  Expected<std::vector<InputError>> Failed = runExtract(O);
  if (!Failed)
    return usageError(Failed.takeError());
  printInputErrors(*Failed);
  return Failed->empty() ? ExitOk : ExitInput;
}

int rulesCommand(const Flags &F, const char *Argv0) {
  RulesCommandOptions O;
  O.Action = F.RulesAction;
  O.Args = F.RulesArgs;
  O.RulesDir = rulesDir(F, Argv0);
  O.RuleFiles = F.RuleFiles;
  if (Error E = runRulesCommand(O, outs()))
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

  CLI::App *Extract = App.add_subcommand("extract", "Reduce translation units to summary files");
  addInputOptions(*Extract, F, "Source files", "Extract only compile commands matching REGEX");
  Extract->add_option("-o,--output", F.SummaryFile, "Summary file (one input)");
  Extract->add_option("--output-dir", F.SummaryDir, "Directory for summary files (several inputs)");

  CLI::App *Link = App.add_subcommand("link", "Link summaries and report findings");
  Link->add_option("summaries", F.Summaries, "Summary files or directories of them");
  addAnalysisOptions(*Link, F);

  CLI::App *Rules = App.add_subcommand("rules", "List, show or validate rules");
  Rules->add_option("action", F.RulesAction, "list | show NAME | validate FILE...")->required();
  Rules->add_option("args", F.RulesArgs, "Function name or rules files");
  addRulesOptions(*Rules, F);

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
  return rulesCommand(F, argv[0]);
}
