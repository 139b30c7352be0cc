//===- CheckSettings.cpp - configuration and baselines in a run -----------===//
#include "CheckSettings.h"

#include "rtcheck/Baseline.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <map>

using namespace llvm;

namespace rtcheck {
namespace {

/// The settings of one site's file that judge its findings.
struct SiteSettings {
  bool ReportUnknown = true;
  FailOn Threshold = FailOn::Error;
};

class SiteJudge {
public:
  SiteJudge(ConfigResolver &Resolver, const Config &ProgramSettings)
      : Resolver(Resolver), Program{ProgramSettings.reportUnknown(), ProgramSettings.failOn()} {}

  Expected<SiteSettings> of(const Finding &F) {
    if (F.Site.File.empty())
      return Program;
    StringRef Dir = sys::path::parent_path(F.Site.File);
    if (auto It = ByDirectory.find(Dir); It != ByDirectory.end())
      return It->second;
    Expected<Config> C = Resolver.forFile(F.Site.File);
    if (!C)
      return C.takeError();
    SiteSettings S{C->reportUnknown(), C->failOn()};
    ByDirectory[Dir] = S;
    return S;
  }

private:
  ConfigResolver &Resolver;
  SiteSettings Program;
  StringMap<SiteSettings> ByDirectory;
};

bool fails(const Finding &F, FailOn Threshold) {
  if (Threshold == FailOn::None)
    return false;
  return F.Sev >= (Threshold == FailOn::Warning ? Severity::Warning : Severity::Error);
}

} // namespace

std::string commandFile(const clang::tooling::CompileCommand &C) {
  SmallString<256> P(C.Filename);
  if (!sys::path::is_absolute(P))
    sys::path::make_absolute(C.Directory, P);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

Error addExtraArgs(std::vector<clang::tooling::CompileCommand> &Commands,
                   ConfigResolver &Resolver) {
  using namespace clang::tooling;
  for (CompileCommand &C : Commands) {
    Expected<Config> Settings = Resolver.forFile(commandFile(C));
    if (!Settings)
      return Settings.takeError();
    if (!Settings->ExtraArgsBefore.empty())
      C.CommandLine = getInsertArgumentAdjuster(Settings->ExtraArgsBefore,
                                                ArgumentInsertPosition::BEGIN)(C.CommandLine, "");
    if (!Settings->ExtraArgs.empty())
      C.CommandLine = getInsertArgumentAdjuster(Settings->ExtraArgs,
                                                ArgumentInsertPosition::END)(C.CommandLine, "");
  }
  return Error::success();
}

void warnDroppedFlags(ArrayRef<TUResult> Results, std::vector<std::string> &Warnings) {
  std::map<std::string, unsigned> Commands; // flag -> commands it was dropped from
  for (const TUResult &T : Results) {
    StringSet<> Once;
    for (const std::string &Flag : T.DroppedFlags)
      if (Once.insert(Flag).second)
        ++Commands[Flag];
  }
  for (const auto &[Flag, N] : Commands)
    Warnings.push_back("ignoring compiler flag '" + Flag + "' that Clang does not know (" +
                       std::to_string(N) + " compile command" + (N == 1 ? "" : "s") + ")");
}

Error judgeFindings(CheckResult &Out, ConfigResolver &Resolver, const AnalysisOptions &Options) {
  SiteJudge Judge(Resolver, Out.Settings);
  std::vector<Finding> &Findings = Out.Result.Link.Findings;
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    Expected<SiteSettings> S = Judge.of(F);
    if (!S)
      return S.takeError();
    if (F.Cat == Category::Unknown && !S->ReportUnknown)
      continue;
    Kept.push_back(std::move(F));
  }
  Findings = std::move(Kept);

  if (!Options.WriteBaselineFile.empty()) {
    Baseline Written = makeBaseline(Findings, Out.Result.SourceRoot);
    if (Error E = writeBaselineFile(Written, Options.WriteBaselineFile))
      return E;
    applyBaseline(Written, Options.WriteBaselineFile, Out.Result);
  } else if (!Options.BaselineFile.empty()) {
    Expected<Baseline> Old = readBaselineFile(Options.BaselineFile);
    if (!Old)
      return Old.takeError();
    applyBaseline(*Old, Options.BaselineFile, Out.Result);
  }

  Out.Failing = 0;
  for (const Finding &F : Findings) {
    Expected<SiteSettings> S = Judge.of(F);
    if (!S)
      return S.takeError();
    Out.Failing += fails(F, S->Threshold);
  }
  return Error::success();
}

bool useColor(ColorMode Mode, StringRef Path) {
  if (Mode != ColorMode::Auto)
    return Mode == ColorMode::Always;
  // https://no-color.org: present and not empty turns colour off.
  if (std::optional<std::string> NoColor = sys::Process::GetEnv("NO_COLOR");
      NoColor && !NoColor->empty())
    return false;
  return Path == "-" && sys::Process::StandardOutIsDisplayed();
}

Error dumpEffectiveConfig(const AnalysisOptions &Options, StringRef File, raw_ostream &OS,
                          std::vector<std::string> &Notes) {
  std::string Target = File.empty() ? "." : File.str();
  if (!sys::fs::exists(Target))
    return createStringError(inconvertibleErrorCode(), Target + ": no such file or directory");
  ConfigResolver Resolver(Options.CommandLine, Options.ConfigFile);
  Expected<Config> C = Resolver.forFile(Target);
  if (!C)
    return C.takeError();
  Notes.push_back(C->Sources.empty() ? "no configuration file applies to " + Target
                                     : "configuration of " + Target + " from " +
                                           join(C->Sources, ", ") + " (nearest last)");
  OS << formatv("{0:2}", json::Value(dumpConfig(*C))) << "\n";
  return Error::success();
}

Error listChecks(const AnalysisOptions &Options, raw_ostream &OS) {
  ConfigResolver Resolver(Options.CommandLine, Options.ConfigFile);
  Expected<Config> C = Resolver.forFile(".");
  if (!C)
    return C.takeError();
  Expected<RuleSet> Rules = loadRules(Options.RulesDir, C->RuleFiles);
  if (!Rules)
    return Rules.takeError();
  std::vector<std::string> Contexts;
  for (const auto &P : Rules->profiles())
    Contexts.push_back(P.getKey().str());
  llvm::sort(Contexts);
  size_t Width = 8;
  for (const std::string &Ctx : Contexts)
    Width = std::max(Width, Ctx.size() + 1);
  OS << left_justify("check", 18);
  for (const std::string &Ctx : Contexts)
    OS << left_justify(Ctx, Width);
  OS << "\n";
  for (Category Cat : AllCategories) {
    OS << left_justify(ruleId(Cat), 18);
    // `"unknown": false` turns the unknown check off in every context.
    bool Off = Cat == Category::Unknown && !C->reportUnknown();
    for (const std::string &Ctx : Contexts)
      OS << left_justify(Off ? StringRef("off") : severityName(Rules->profile(Ctx).severity(Cat)),
                         Width);
    OS << "\n";
  }
  OS << "\n";
  for (Category Cat : AllCategories)
    OS << ruleId(Cat) << ": " << categoryPhrase(Cat) << ". " << categoryDescription(Cat) << "\n";
  return Error::success();
}

} // namespace rtcheck
