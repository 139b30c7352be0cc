//===- main.cpp - rtcheck-analyzer: check, extract, link, rules -----------===//
//
// The LLVM-linked half of the rtcheck command line. Users call it through the `rtcheck` driver
// (which execs it for these subcommands) so that `rtcheck run` starts without loading LLVM.
//
// Exit status: 0 nothing at or above --fail-on; 1 findings; 2 usage or configuration error;
// 3 a translation unit could not be analysed (the others are still analysed and reported).
//
//===----------------------------------------------------------------------===//
#include "rtcheck/AtomicFile.h"
#include "rtcheck/Emit.h"
#include "rtcheck/Extract.h"
#include "rtcheck/Link.h"
#include "rtcheck/Rules.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/xxhash.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <set>

using namespace llvm;
using namespace rtcheck;

namespace {

enum ExitCode { ExitOk = 0, ExitFindings = 1, ExitUsage = 2, ExitParse = 3 };

/// A configuration or usage problem: one line on stderr and exit status 2.
struct UsageError {
  std::string Message;
};

[[noreturn]] void fail(const Twine &Message) { throw UsageError{Message.str()}; }

const char *Argv0 = "rtcheck";

struct CommonOptions {
  std::vector<std::string> RuleFiles;
  std::string RulesDir;
  std::string Config;
  std::vector<std::string> Roots;
  std::string Format = "text";
  std::string Output = "-";
  std::string FailOn = "error";
  std::string SourceRoot;
  std::string Color = "auto";
  bool NoUnknown = false;
};

void addCommonOptions(CLI::App &App, CommonOptions &O) {
  // Repeatable options take one value each, so that they never swallow the file arguments.
  App.add_option("--rules", O.RuleFiles, "Extra rules file (overrides bundled entries)")
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  App.add_option("--rules-dir", O.RulesDir, "Use this rules directory instead of the bundled one");
  App.add_option("--config", O.Config, "JSON configuration file (roots, rules, fail_on)");
  App.add_option("--root", O.Roots, "Extra real-time root: NAME or NAME=CONTEXT (wildcards ok)")
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  App.add_option("--format", O.Format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  App.add_option("-o,--output", O.Output, "Write the report to FILE (atomically)");
  App.add_option("--fail-on", O.FailOn, "Lowest severity that makes the exit status 1")
      ->check(CLI::IsMember({"error", "warning", "none"}));
  App.add_option("--source-root", O.SourceRoot,
                 "SARIF paths are relative to this directory (default: current directory)");
  App.add_option("--color", O.Color, "Colour text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  App.add_flag("--no-unknown", O.NoUnknown,
               "Do not report calls to functions with no body and no rule");
}

std::string absolute(StringRef Path) {
  SmallString<256> P(Path);
  sys::fs::make_absolute(P);
  sys::path::remove_dots(P, true);
  return std::string(P);
}

/// Reads the JSON config file into the options (command-line values win).
void applyConfig(CommonOptions &O) {
  if (O.Config.empty())
    return;
  auto Buf = MemoryBuffer::getFile(O.Config);
  if (!Buf)
    fail(O.Config + ": cannot read config file: " + Buf.getError().message());
  Expected<json::Value> V = json::parse((*Buf)->getBuffer());
  if (!V)
    fail(O.Config + ": invalid JSON: " + toString(V.takeError()));
  const json::Object *Obj = V->getAsObject();
  if (!Obj)
    fail(O.Config + ": expected a JSON object");
  StringRef Dir = sys::path::parent_path(absolute(O.Config));
  for (const auto &KV : *Obj) {
    StringRef Key = KV.first;
    if (Key == "roots") {
      const json::Array *A = KV.second.getAsArray();
      if (!A)
        fail(O.Config + ": 'roots' must be an array");
      for (const json::Value &R : *A) {
        if (auto S = R.getAsString()) {
          O.Roots.push_back(S->str());
          continue;
        }
        const json::Object *RO = R.getAsObject();
        auto Fn = RO ? RO->getString("function") : std::nullopt;
        if (!Fn)
          fail(O.Config + ": each root needs a \"function\"");
        auto Ctx = RO->getString("context");
        O.Roots.push_back(Fn->str() + (Ctx ? "=" + Ctx->str() : ""));
      }
    } else if (Key == "rules") {
      const json::Array *A = KV.second.getAsArray();
      if (!A)
        fail(O.Config + ": 'rules' must be an array of paths");
      for (const json::Value &R : *A) {
        auto S = R.getAsString();
        if (!S)
          fail(O.Config + ": 'rules' must be an array of paths");
        SmallString<256> P(*S);
        if (!sys::path::is_absolute(P))
          sys::path::make_absolute(Dir, P);
        O.RuleFiles.insert(O.RuleFiles.begin(), std::string(P));
      }
    } else if (Key == "fail_on") {
      auto S = KV.second.getAsString();
      if (!S || !(*S == "error" || *S == "warning" || *S == "none"))
        fail(O.Config + ": 'fail_on' must be \"error\", \"warning\" or \"none\"");
      O.FailOn = S->str();
    } else if (Key == "unknown") {
      auto B = KV.second.getAsBoolean();
      if (!B)
        fail(O.Config + ": 'unknown' must be true or false");
      O.NoUnknown = !*B;
    } else {
      fail(O.Config + ": unknown key '" + Key + "'");
    }
  }
}

RuleSet loadRules(const CommonOptions &O) {
  RuleSet Rules;
  std::string Dir = O.RulesDir.empty() ? findBundledRulesDir(Argv0) : O.RulesDir;
  if (Dir.empty())
    fail("cannot find the bundled rules (set RTCHECK_RULES_DIR or pass --rules-dir)");
  if (!sys::fs::is_directory(Dir))
    fail(Dir + ": rules directory does not exist");
  if (Error E = Rules.loadDirectory(Dir))
    fail(toString(std::move(E)));
  for (const std::string &F : O.RuleFiles)
    if (Error E = Rules.loadFile(F))
      fail(toString(std::move(E)));
  return Rules;
}

LinkOptions linkOptions(const CommonOptions &O) {
  LinkOptions L;
  L.ReportUnknown = !O.NoUnknown;
  for (StringRef R : O.Roots) {
    auto [Name, Ctx] = R.split('=');
    if (Name.empty())
      fail("--root needs a function name");
    L.ExtraRoots.push_back({Name.str(), Ctx.empty() ? "audio" : Ctx.str()});
  }
  return L;
}

int finish(const CommonOptions &O, Report &R) {
  if (R.SourceRoot.empty())
    R.SourceRoot = absolute(O.SourceRoot.empty() ? "." : O.SourceRoot);
  std::string Text;
  raw_string_ostream OS(Text);
  bool Color = O.Color == "always" ||
               (O.Color == "auto" && O.Output == "-" && sys::Process::StandardOutIsDisplayed());
  if (O.Format == "json")
    emitJSON(OS, R);
  else if (O.Format == "sarif")
    emitSARIF(OS, R);
  else
    emitText(OS, R, Color);
  if (Error E = writeFileAtomically(O.Output, Text))
    fail(toString(std::move(E)));
  for (const InputError &E : R.Errors)
    if (O.Format != "text" || O.Output != "-")
      errs() << "rtcheck: error: " << E.File << ": " << E.Message << "\n";
  if (!R.Errors.empty())
    return ExitParse;
  Severity Threshold = O.FailOn == "warning" ? Severity::Warning : Severity::Error;
  if (O.FailOn != "none")
    for (const Finding &F : R.Link.Findings)
      if (F.Sev >= Threshold)
        return ExitFindings;
  return ExitOk;
}

std::string resourceDir() {
  if (std::optional<std::string> Env = sys::Process::GetEnv("RTCHECK_CLANG_RESOURCE_DIR"))
    return *Env;
  return RTCHECK_CLANG_RESOURCE_DIR;
}

/// The compilation database: -p, flags after --, or one found above the first file.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadDatabase(const std::string &BuildPath, const std::vector<std::string> &Flags, bool HaveFlags,
             const std::vector<std::string> &Files) {
  using namespace clang::tooling;
  std::string Err;
  std::unique_ptr<CompilationDatabase> DB;
  if (HaveFlags) {
    DB = std::make_unique<FixedCompilationDatabase>(".", Flags);
  } else if (!BuildPath.empty()) {
    SmallString<256> Path(BuildPath);
    if (sys::fs::is_directory(Path))
      sys::path::append(Path, "compile_commands.json");
    if (!sys::fs::exists(Path))
      fail(Path + ": no compilation database (run cmake with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, "
                  "or pass compiler flags after --)");
    DB = JSONCompilationDatabase::loadFromFile(Path, Err, JSONCommandLineSyntax::AutoDetect);
    if (!DB) {
      StringRef Msg = StringRef(Err).trim();
      Msg.consume_front("Error while parsing JSON.");
      fail(Path + ": malformed compilation database: " + StringRef(Msg).trim());
    }
  } else if (!Files.empty()) {
    DB = CompilationDatabase::autoDetectFromSource(absolute(Files.front()), Err);
    if (!DB)
      fail("no compilation database found for " + Files.front() +
           " (pass -p BUILD_DIR, or compiler flags after --)");
  } else {
    fail("no input: pass -p BUILD_DIR, or files and compiler flags after --");
  }
  return inferTargetAndDriverMode(inferMissingCompileCommands(std::move(DB)));
}

/// The compile commands to analyse: one per file (the first that --select accepts), or every
/// command of the database when no file is named.
std::vector<clang::tooling::CompileCommand>
inputCommands(const clang::tooling::CompilationDatabase &DB, const std::vector<std::string> &Files,
              const std::string &Select, std::vector<InputError> &Errors) {
  using clang::tooling::CompileCommand;
  std::optional<Regex> Filter;
  if (!Select.empty()) {
    Filter.emplace(Select);
    std::string Why;
    if (!Filter->isValid(Why))
      fail("--select: bad regular expression '" + Select + "': " + Why);
  }
  auto Accepted = [&](const CompileCommand &C) {
    return !Filter || Filter->match(llvm::join(C.CommandLine, " ") + " -o " + C.Output);
  };
  std::vector<CompileCommand> Out;
  if (Files.empty()) {
    std::set<std::string> Seen;
    for (CompileCommand &C : DB.getAllCompileCommands())
      if (Accepted(C) && Seen.insert(C.Filename + "\n" + C.Directory).second)
        Out.push_back(std::move(C));
    if (Out.empty())
      fail(Filter ? "no compile command matches --select '" + Select + "'"
                  : std::string("the compilation database lists no files"));
    return Out;
  }
  for (const std::string &F : Files) {
    if (!sys::fs::exists(F))
      fail(F + ": no such file");
    std::string Abs = absolute(F);
    std::vector<CompileCommand> Cmds = DB.getCompileCommands(Abs);
    auto It = llvm::find_if(Cmds, Accepted);
    if (It == Cmds.end()) {
      Errors.push_back({Abs, Cmds.empty() ? "no compile command for this file"
                                          : "no compile command for this file matches --select"});
      continue;
    }
    Out.push_back(std::move(*It));
  }
  return Out;
}

std::vector<Summary> collect(std::vector<TUResult> &Results, Report &R) {
  std::vector<Summary> Summaries;
  for (TUResult &T : Results) {
    if (T.Result)
      Summaries.push_back(std::move(*T.Result));
    else
      R.Errors.push_back({T.File, T.Error});
  }
  return Summaries;
}

int runCheck(const CommonOptions &O0, const std::string &BuildPath,
             const std::vector<std::string> &Files, const std::string &Select, unsigned Jobs,
             const std::vector<std::string> &Flags, bool HaveFlags) {
  auto Start = std::chrono::steady_clock::now();
  CommonOptions O = O0;
  applyConfig(O);
  RuleSet Rules = loadRules(O);
  LinkOptions LO = linkOptions(O);
  auto DB = loadDatabase(BuildPath, Flags, HaveFlags, Files);
  Report R;
  auto Commands = inputCommands(*DB, Files, Select, R.Errors);
  ExtractOptions EO;
  EO.ResourceDir = resourceDir();
  EO.Jobs = Jobs;
  std::vector<TUResult> Results = extractSummaries(Commands, EO);
  std::vector<Summary> Summaries = collect(Results, R);
  R.Link = link(Summaries, Rules, LO);
  R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  return finish(O, R);
}

int runExtract(const std::string &BuildPath, const std::vector<std::string> &Files,
               const std::string &Select, unsigned Jobs, const std::vector<std::string> &Flags,
               bool HaveFlags, const std::string &Output, const std::string &OutputDir) {
  if (Files.empty())
    fail("extract: name the files to extract");
  if (!Output.empty() && Files.size() != 1)
    fail("extract: -o takes one input file; use --output-dir for several");
  if (Output.empty() && OutputDir.empty())
    fail("extract: pass -o FILE or --output-dir DIR");
  auto DB = loadDatabase(BuildPath, Flags, HaveFlags, Files);
  std::vector<InputError> Errors;
  auto Commands = inputCommands(*DB, Files, Select, Errors);
  ExtractOptions EO;
  EO.ResourceDir = resourceDir();
  EO.Jobs = Jobs;
  std::vector<TUResult> Results = extractSummaries(Commands, EO);
  for (const InputError &E : Errors)
    Results.push_back({E.File, std::nullopt, E.Message, 0});
  if (!OutputDir.empty())
    if (std::error_code EC = sys::fs::create_directories(OutputDir))
      fail(OutputDir + ": cannot create directory: " + EC.message());
  int Status = ExitOk;
  for (TUResult &T : Results) {
    if (!T.Result) {
      errs() << "rtcheck: error: " << T.File << ": " << T.Error << "\n";
      Status = ExitParse;
      continue;
    }
    std::string Path = Output;
    if (Path.empty()) {
      // Unique per source path, stable across runs: a build system can depend on it.
      SmallString<256> P(OutputDir);
      sys::path::append(P, sys::path::filename(T.File) + "." +
                               utohexstr(xxh3_64bits(T.File), true, 16) + ".rtsum.json");
      Path = std::string(P);
    }
    if (Error E = writeSummaryFile(*T.Result, Path))
      fail(toString(std::move(E)));
  }
  return Status;
}

int runLink(const CommonOptions &O0, const std::vector<std::string> &Inputs) {
  auto Start = std::chrono::steady_clock::now();
  CommonOptions O = O0;
  applyConfig(O);
  RuleSet Rules = loadRules(O);
  LinkOptions LO = linkOptions(O);
  if (Inputs.empty())
    fail("link: name the summary files (or directories of them)");
  std::vector<std::string> Paths;
  for (const std::string &In : Inputs) {
    if (!sys::fs::is_directory(In)) {
      if (!sys::fs::exists(In))
        fail(In + ": no such file");
      Paths.push_back(In);
      continue;
    }
    std::error_code EC;
    for (sys::fs::directory_iterator It(In, EC), End; It != End && !EC; It.increment(EC))
      if (StringRef(It->path()).ends_with(".rtsum.json"))
        Paths.push_back(It->path());
  }
  llvm::sort(Paths);
  std::vector<Summary> Summaries;
  for (const std::string &P : Paths) {
    Expected<Summary> S = readSummaryFile(P);
    if (!S)
      fail(toString(S.takeError()));
    Summaries.push_back(std::move(*S));
  }
  Report R;
  R.Link = link(Summaries, Rules, LO);
  R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  return finish(O, R);
}

int runRules(const CommonOptions &O0, const std::string &Action,
             const std::vector<std::string> &Args) {
  CommonOptions O = O0;
  if (Action == "validate") {
    if (Args.empty())
      fail("rules validate: name the rules files to validate");
    for (const std::string &F : Args) {
      RuleSet Check;
      if (Error E = Check.loadFile(F))
        fail(toString(std::move(E)));
      outs() << F << ": ok (" << Check.functions().size() << " functions, "
             << Check.registrations().size() << " registrations, " << Check.overrides().size()
             << " overrides, " << Check.profiles().size() << " profiles)\n";
    }
    return ExitOk;
  }
  RuleSet Rules = loadRules(O);
  auto Describe = [](const FunctionRule &R) {
    return (R.Cat ? categoryName(*R.Cat).str() : std::string("safe")) +
           (R.Fallback ? " (fallback)" : "");
  };
  if (Action == "list") {
    for (const FunctionRule &R : Rules.functions())
      outs() << left_justify(R.Name, 44) << " " << left_justify(Describe(R), 20) << " "
             << sys::path::filename(R.File) << "\n";
    for (const RegistrationRule &R : Rules.registrations())
      outs() << left_justify(R.Function, 44) << " "
             << left_justify("registers " + R.Context, 20) << " " << sys::path::filename(R.File)
             << "\n";
    for (const OverrideRule &R : Rules.overrides())
      outs() << left_justify(R.Method, 44) << " " << left_justify("overridden: " + R.Context, 20)
             << " " << sys::path::filename(R.File) << "\n";
    outs() << Rules.functions().size() << " function rules, " << Rules.registrations().size()
           << " registrations, " << Rules.overrides().size() << " overrides, "
           << Rules.profiles().size() << " profiles from " << Rules.files().size()
           << " files\n";
    return ExitOk;
  }
  if (Action == "show") {
    if (Args.size() != 1)
      fail("rules show: name one function");
    const FunctionRule *R = Rules.match(Args.front(), /*HasBody=*/false);
    if (!R)
      fail("no rule matches '" + Args.front() + "'");
    outs() << Args.front() << ": " << Describe(*R) << "\n  rule:   " << R->Name
           << "\n  reason: " << R->Reason << "\n  file:   " << R->File << "\n";
    if (R->UnlessArg)
      outs() << "  safe when argument " << R->UnlessArg->first << " is "
             << R->UnlessArg->second << "\n";
    return ExitOk;
  }
  fail("rules: unknown action '" + Action + "' (expected list, show or validate)");
}

} // namespace

int main(int argc, char **argv) {
  Argv0 = argv[0];
  // Everything after "--" is compiler flags, as in clang-tidy; CLI11 sees the rest.
  std::vector<std::string> Flags;
  bool HaveFlags = false;
  int CLIArgc = argc;
  for (int I = 1; I < argc; ++I)
    if (StringRef(argv[I]) == "--") {
      HaveFlags = true;
      CLIArgc = I;
      Flags.assign(argv + I + 1, argv + argc);
      break;
    }

  CLI::App App{"rtcheck: real-time safety analyzer for C and C++"};
  App.name("rtcheck");
  App.set_version_flag("--version", std::string("rtcheck ") + RTCHECK_VERSION);
  App.require_subcommand(1);

  CommonOptions Common;
  std::string BuildPath;
  std::vector<std::string> Files;
  unsigned Jobs = 0;
  std::string Select;

  CLI::App *Check = App.add_subcommand("check", "Analyse translation units and report findings");
  Check->add_option("-p", BuildPath, "Build directory with compile_commands.json (or the file)");
  Check->add_option("files", Files, "Source files (default: every file of the database)");
  Check->add_option("-j,--jobs", Jobs, "Translation units analysed in parallel (default: cores)");
  Check->add_option("--select", Select,
                    "Analyse only compile commands matching REGEX (command line and output "
                    "path): picks one program from a database that builds several");
  addCommonOptions(*Check, Common);

  std::string ExtractOut, ExtractDir;
  CLI::App *Extract = App.add_subcommand("extract", "Reduce translation units to summary files");
  Extract->add_option("-p", BuildPath, "Build directory with compile_commands.json (or the file)");
  Extract->add_option("files", Files, "Source files");
  Extract->add_option("-j,--jobs", Jobs, "Translation units analysed in parallel");
  Extract->add_option("--select", Select, "Extract only compile commands matching REGEX");
  Extract->add_option("-o,--output", ExtractOut, "Summary file (one input)");
  Extract->add_option("--output-dir", ExtractDir, "Directory for summary files (several inputs)");

  std::vector<std::string> SummaryFiles;
  CLI::App *Link = App.add_subcommand("link", "Link summaries and report findings");
  Link->add_option("summaries", SummaryFiles, "Summary files or directories of them");
  addCommonOptions(*Link, Common);

  std::string RulesAction;
  std::vector<std::string> RulesArgs;
  CLI::App *RulesCmd = App.add_subcommand("rules", "List, show or validate rules");
  RulesCmd->add_option("action", RulesAction, "list | show NAME | validate FILE...")->required();
  RulesCmd->add_option("args", RulesArgs, "Function name or rules files");
  RulesCmd->add_option("--rules", Common.RuleFiles, "Extra rules file")
      ->allow_extra_args(false)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  RulesCmd->add_option("--rules-dir", Common.RulesDir, "Rules directory");

  try {
    App.parse(CLIArgc, argv);
    if (HaveFlags && !(Check->parsed() || Extract->parsed()))
      fail("'--' compiler flags apply to check and extract only");
    if (Check->parsed())
      return runCheck(Common, BuildPath, Files, Select, Jobs, Flags, HaveFlags);
    if (Extract->parsed())
      return runExtract(BuildPath, Files, Select, Jobs, Flags, HaveFlags, ExtractOut, ExtractDir);
    if (Link->parsed())
      return runLink(Common, SummaryFiles);
    return runRules(Common, RulesAction, RulesArgs);
  } catch (const CLI::CallForHelp &E) {
    return App.exit(E);
  } catch (const CLI::CallForAllHelp &E) {
    return App.exit(E);
  } catch (const CLI::CallForVersion &E) {
    return App.exit(E);
  } catch (const CLI::ParseError &E) {
    errs() << "rtcheck: error: " << E.what() << " (see rtcheck --help)\n";
    return ExitUsage;
  } catch (const UsageError &E) {
    errs() << "rtcheck: error: " << E.Message << "\n";
    return ExitUsage;
  }
}
