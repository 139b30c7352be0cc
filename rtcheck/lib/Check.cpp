//===- Check.cpp - the analyzer's commands as library calls ---------------===//
#include "rtcheck/Check.h"

#include "CheckSettings.h"
#include "rtcheck/AtomicFile.h"
#include "rtcheck/DepFile.h"
#include "rtcheck/LibraryCode.h"
#include "rtcheck/Programs.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/xxhash.h"

#include <chrono>

using namespace llvm;

namespace rtcheck {
namespace {

using Clock = std::chrono::steady_clock;

Error error(const Twine &Message) { return createStringError(inconvertibleErrorCode(), Message); }

double secondsSince(Clock::time_point Start) {
  return std::chrono::duration<double>(Clock::now() - Start).count();
}

std::string absolute(StringRef Path) {
  SmallString<256> P(Path);
  sys::fs::make_absolute(P);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

/// What linking needs besides summaries: the settings of the program and of each file, and the
/// rules they name.
struct Analysis {
  ConfigResolver Resolver;
  Config Settings;
  RuleSet Rules;
};

/// The program's settings come from the configuration files of Files (its sources).
Expected<Analysis> prepare(const AnalysisOptions &Options, ArrayRef<std::string> Files) {
  Analysis A{ConfigResolver(Options.CommandLine, Options.ConfigFile), {}, {}};
  Expected<Config> Settings = A.Resolver.forProgram(Files);
  if (!Settings)
    return Settings.takeError();
  A.Settings = std::move(*Settings);
  Expected<RuleSet> Rules = loadRules(Options.RulesDir, A.Settings.RuleFiles);
  if (!Rules)
    return Rules.takeError();
  A.Rules = std::move(*Rules);
  return A;
}

Expected<CheckResult> linkAll(MutableArrayRef<Summary> Summaries, ArrayRef<ProgramUnit> Programs,
                              Analysis &A, const AnalysisOptions &Options, Report R) {
  LinkOptions LO;
  LO.ExtraRoots = A.Settings.Roots;
  LO.ReportUnknown = A.Settings.reportUnknown();
  LO.ReportNoReturnPaths = A.Settings.noReturnPaths();
  LO.TrustNonBlockingPromises = A.Settings.nonBlockingPromises();
  markLibraryCode(Summaries, A.Settings.Library);
  LO.Assume = A.Settings.Assume;
  std::vector<std::string> Notes = std::move(R.Link.Warnings);
  if (Programs.empty()) {
    ProgramUnit All{"program", "program", {}};
    for (unsigned I = 0; I < Summaries.size(); ++I)
      All.Members.push_back(I);
    R.Link = linkPrograms(Summaries, {All}, A.Rules, LO);
  } else {
    R.Link = linkPrograms(Summaries, Programs, A.Rules, LO);
  }
  R.Inputs.Programs = Programs.empty() ? 1 : Programs.size();
  R.Link.Warnings.insert(R.Link.Warnings.begin(), Notes.begin(), Notes.end());
  R.SourceRoot = absolute(Options.SourceRoot.empty() ? "." : Options.SourceRoot);
  CheckResult Out{std::move(R), std::move(A.Settings)};
  if (Error E = judgeFindings(Out, A.Resolver, Options))
    return E;
  return Out;
}

/// The summary files named by Inputs: files as given, directories by their *.rtsum.json files.
Expected<std::vector<std::string>> summaryPaths(ArrayRef<std::string> Inputs) {
  if (Inputs.empty())
    return error("link: name the summary files (or directories of them)");
  std::vector<std::string> Paths;
  for (const std::string &In : Inputs) {
    if (!sys::fs::is_directory(In)) {
      if (!sys::fs::exists(In))
        return error(In + ": no such file");
      Paths.push_back(In);
      continue;
    }
    std::error_code EC;
    size_t Before = Paths.size();
    for (sys::fs::directory_iterator It(In, EC), End; It != End && !EC; It.increment(EC))
      if (StringRef(It->path()).ends_with(".rtsum.json"))
        Paths.push_back(It->path());
    if (EC)
      return error(In + ": cannot read directory: " + EC.message());
    // Linking nothing would report a clean program.
    if (Paths.size() == Before)
      return error(In + ": no summary files (*.rtsum.json) in this directory");
  }
  llvm::sort(Paths);
  return Paths;
}

/// The summary cache of a check run, or none (no directory, or one that cannot be made: the run
/// goes on without it and says so). Its salt is the rules' contents: summaries do not read the
/// rules today, but a rules change then never meets a summary made under other rules.
std::unique_ptr<SummaryCache> openCache(const CheckOptions &Options, const Analysis &A,
                                        std::vector<std::string> &Warnings) {
  std::string Dir = A.Settings.CacheDir.value_or(Options.DefaultCacheDir);
  if (Dir.empty())
    return nullptr;
  std::string Salt;
  for (const std::string &F : A.Rules.files()) {
    auto Buf = MemoryBuffer::getFile(F);
    Salt += F + "\t" + (Buf ? contentHash((*Buf)->getBuffer()) : "unreadable") + "\n";
  }
  auto Cache = std::make_unique<SummaryCache>(
      absolute(Dir), A.Settings.CacheMaxBytes.value_or(DefaultCacheMaxBytes), contentHash(Salt));
  if (Error E = Cache->prepare()) {
    Warnings.push_back(toString(std::move(E)) + "; running without the summary cache");
    return nullptr;
  }
  return Cache;
}

/// Unique per source path and stable across runs, so that a build system can depend on it.
std::string summaryFileName(StringRef OutputDir, StringRef Source) {
  SmallString<256> P(OutputDir);
  sys::path::append(P, sys::path::filename(Source) + "." +
                           utohexstr(xxh3_64bits(Source), /*LowerCase=*/true, 16) + ".rtsum.json");
  return std::string(P);
}

/// Keeps what Select (a regular expression; empty: everything) chooses: the programs from the
/// build whose name matches, whole; if none does, the commands whose command line or output
/// matches, as one program. Program's commands are narrowed to
/// the ones kept and the programs' members renumbered.
Error selectPrograms(Program &P, std::optional<std::vector<ProgramUnit>> &Programs,
                     StringRef Select) {
  if (Select.empty())
    return Error::success();
  Regex Filter(Select);
  std::string Why;
  if (!Filter.isValid(Why))
    return error("--select: bad regular expression '" + Select + "': " + Why);
  auto Accepted = [&](const clang::tooling::CompileCommand &C) {
    return Filter.match(join(C.CommandLine, " ") + " -o " + C.Output);
  };
  std::vector<bool> Keep(P.Commands.size());
  std::vector<ProgramUnit> Chosen;
  if (Programs)
    for (ProgramUnit &U : *Programs)
      if (Filter.match(U.Name)) {
        for (unsigned C : U.Members)
          Keep[C] = true;
        Chosen.push_back(std::move(U));
      }
  if (Programs && !Chosen.empty()) {
    *Programs = std::move(Chosen);
  } else {
    // No program by that name: the matching commands are the program, as they were chosen.
    for (size_t I = 0; I < P.Commands.size(); ++I)
      Keep[I] = Accepted(P.Commands[I]);
    if (Programs) {
      ProgramUnit Selected{"selected", "selection", {}};
      for (unsigned I = 0; I < P.Commands.size(); ++I)
        if (Keep[I])
          Selected.Members.push_back(I);
      *Programs = {std::move(Selected)};
    }
  }
  std::vector<unsigned> NewIndex(P.Commands.size(), 0);
  std::vector<clang::tooling::CompileCommand> Kept;
  for (size_t I = 0; I < P.Commands.size(); ++I)
    if (Keep[I]) {
      NewIndex[I] = Kept.size();
      Kept.push_back(std::move(P.Commands[I]));
    }
  if (Kept.empty())
    return error("no program or compile command matches --select '" + Select + "'");
  P.Commands = std::move(Kept);
  if (Programs)
    for (ProgramUnit &U : *Programs)
      for (unsigned &C : U.Members)
        C = NewIndex[C];
  return Error::success();
}

} // namespace

Expected<RuleSet> loadRules(StringRef RulesDir, ArrayRef<std::string> ExtraFiles) {
  if (RulesDir.empty())
    return error("cannot find the bundled rules (set RTCHECK_RULES_DIR or pass --rules-dir)");
  if (!sys::fs::is_directory(RulesDir))
    return error(RulesDir + ": rules directory does not exist");
  RuleSet Rules;
  if (Error E = Rules.loadDirectory(RulesDir))
    return E;
  // Without rules nothing is unsafe: an empty directory would pass every program.
  if (Rules.files().empty())
    return error(RulesDir + ": no rules files (*.json) in this rules directory");
  for (const std::string &F : ExtraFiles)
    if (Error E = Rules.loadFile(F))
      return E;
  return Rules;
}

Expected<CheckResult> runCheck(const CheckOptions &Options) {
  Clock::time_point Start = Clock::now();
  DatabaseOptions DO = Options.Database;
  if (DO.SearchFrom.empty() && !Options.Files.empty())
    DO.SearchFrom = Options.Files.front();
  Expected<CompileDatabase> DB = CompileDatabase::load(DO);
  if (!DB)
    return DB.takeError();
  // Named files, or flags after --, are one program; a whole database makes the build's programs.
  bool WholeDatabase = Options.Files.empty() && !DO.FixedFlags;
  Report R;
  std::optional<std::vector<ProgramUnit>> FromBuild;
  const char *BuildSystem = "";
  Expected<Program> P = DB->selectProgram(Options.Files, WholeDatabase ? "" : Options.Select);
  if (!P)
    return P.takeError();
  if (WholeDatabase) {
    std::string Note;
    Expected<std::optional<std::vector<ProgramUnit>>> Build =
        programsFromCMake(DB->buildDirectory(), P->Commands, Note);
    BuildSystem = "cmake";
    if (Build && !*Build && Note.empty()) {
      Build = programsFromMeson(DB->buildDirectory(), P->Commands, Note);
      BuildSystem = "meson";
    }
    if (!Build)
      return Build.takeError();
    FromBuild = std::move(*Build);
    if (!Note.empty())
      R.Link.Warnings.push_back(Note);
    if (Error E = selectPrograms(*P, FromBuild, Options.Select))
      return E;
  }
  std::vector<std::string> Sources;
  for (const clang::tooling::CompileCommand &C : P->Commands)
    Sources.push_back(commandFile(C));
  Expected<Analysis> A = prepare(Options.Analysis, Sources);
  if (!A)
    return A.takeError();
  if (Error E = addExtraArgs(P->Commands, A->Resolver))
    return E;
  R.Errors = std::move(P->Errors);
  R.Inputs.CommandsMerged = P->Merged;
  R.Inputs.ProgramsFrom = !WholeDatabase ? "files" : FromBuild ? BuildSystem : "entries";
  std::vector<Summary> Summaries;
  std::vector<std::string> ObjectDirs;
  std::vector<int> SummaryOf(P->Commands.size(), -1);
  std::unique_ptr<SummaryCache> Cache = openCache(Options, *A, R.Link.Warnings);
  ExtractOptions EO = Options.Extract;
  EO.Cache = Cache.get();
  std::vector<TUResult> Results = extractSummaries(P->Commands, EO);
  warnDroppedFlags(Results, R.Link.Warnings);
  if (Cache) {
    for (const TUResult &T : Results) {
      llvm::append_range(R.Link.Warnings, T.CacheNotes);
      if (T.Result && !T.FromCache)
        R.Inputs.Extracted.push_back(T.File);
    }
    if (Cache->counts().Stored)
      Cache->evict();
    R.Inputs.CacheDir = std::string(Cache->directory());
    R.Inputs.CacheHits = Cache->counts().Hits;
    R.Inputs.CacheMisses = Cache->counts().Misses;
  }
  for (size_t I = 0; I < Results.size(); ++I) {
    TUResult &T = Results[I];
    if (!T.Result) {
      R.Errors.push_back({T.File, T.Error});
      ++R.Inputs.CommandsFailed;
      continue;
    }
    SummaryOf[I] = Summaries.size();
    Summaries.push_back(std::move(*T.Result));
    ObjectDirs.push_back(objectDirName(P->Commands[I]));
  }
  R.Inputs.CommandsAnalysed = Summaries.size();
  std::vector<ProgramUnit> Programs;
  if (FromBuild) {
    for (ProgramUnit &U : *FromBuild) {
      std::vector<unsigned> Members;
      for (unsigned C : U.Members)
        if (SummaryOf[C] >= 0)
          Members.push_back(SummaryOf[C]);
      U.Members = std::move(Members);
      if (!U.Members.empty())
        Programs.push_back(std::move(U));
    }
  } else if (WholeDatabase) {
    std::vector<const Summary *> TUs;
    for (const Summary &S : Summaries)
      TUs.push_back(&S);
    Programs = programsFromEntries(TUs, ObjectDirs);
  }
  Expected<CheckResult> Out = linkAll(Summaries, Programs, *A, Options.Analysis, std::move(R));
  if (Out)
    Out->Result.Seconds = secondsSince(Start);
  return Out;
}

Expected<CheckResult> runLink(const LinkFilesOptions &Options) {
  Clock::time_point Start = Clock::now();
  // A configuration file named on the command line is a usage error before any input is read.
  if (!Options.Analysis.ConfigFile.empty())
    if (Expected<Config> C = readConfigFile(Options.Analysis.ConfigFile); !C)
      return C.takeError();
  Expected<std::vector<std::string>> Paths = summaryPaths(Options.Inputs);
  if (!Paths)
    return Paths.takeError();
  std::vector<Summary> Summaries;
  for (const std::string &Path : *Paths) {
    Expected<Summary> S = readSummaryFile(Path);
    if (!S)
      return S.takeError();
    Summaries.push_back(std::move(*S));
  }
  std::vector<std::string> Sources;
  for (const Summary &S : Summaries)
    Sources.push_back(S.MainFile);
  Expected<Analysis> A = prepare(Options.Analysis, Sources);
  if (!A)
    return A.takeError();
  Report R;
  R.Inputs.ProgramsFrom = "summaries";
  R.Inputs.CommandsAnalysed = Summaries.size();
  Expected<CheckResult> Out = linkAll(Summaries, {}, *A, Options.Analysis, std::move(R));
  if (Out)
    Out->Result.Seconds = secondsSince(Start);
  return Out;
}

Expected<std::vector<InputError>> runExtract(const ExtractFilesOptions &Options,
                                             std::vector<std::string> *Warnings) {
  if (Options.Files.empty())
    return error("extract: name the files to extract");
  if (!Options.Output.empty() && Options.Files.size() != 1)
    return error("extract: -o takes one input file; use --output-dir for several");
  if (Options.Output.empty() && Options.OutputDir.empty())
    return error("extract: pass -o FILE or --output-dir DIR");
  if (!Options.DepFile.empty() && Options.Output.empty())
    return error("extract: --depfile needs -o FILE (one summary per depfile)");
  DatabaseOptions DO = Options.Database;
  if (DO.SearchFrom.empty())
    DO.SearchFrom = Options.Files.front();
  Expected<CompileDatabase> DB = CompileDatabase::load(DO);
  if (!DB)
    return DB.takeError();
  Expected<Program> P = DB->selectProgram(Options.Files, Options.Select);
  if (!P)
    return P.takeError();
  ConfigResolver Resolver(Options.CommandLine, Options.ConfigFile);
  if (Error E = addExtraArgs(P->Commands, Resolver))
    return E;
  std::vector<TUResult> Results = extractSummaries(P->Commands, Options.Extract);
  if (Warnings)
    warnDroppedFlags(Results, *Warnings);
  if (!Options.OutputDir.empty())
    if (std::error_code EC = sys::fs::create_directories(Options.OutputDir))
      return error(Options.OutputDir + ": cannot create directory: " + EC.message());
  std::vector<InputError> Failed;
  for (TUResult &T : Results) {
    if (!T.Result) {
      Failed.push_back({T.File, T.Error});
      continue;
    }
    std::string Path =
        Options.Output.empty() ? summaryFileName(Options.OutputDir, T.File) : Options.Output;
    if (Error E = writeSummaryFile(*T.Result, Path))
      return E;
    // After the summary: a depfile never describes an output that was not written.
    if (!Options.DepFile.empty())
      if (Error E = writeDepFile(Options.DepFile, Path, T.Dependencies))
        return E;
  }
  llvm::append_range(Failed, P->Errors);
  return Failed;
}

Error writeReport(const Report &R, const OutputOptions &Options) {
  // Streamed into the file: the whole document is never held in memory.
  return writeFileAtomically(Options.Path, [&](raw_ostream &OS) {
    switch (Options.Fmt) {
    case Format::JSON:
      emitJSON(OS, R);
      return;
    case Format::SARIF:
      emitSARIF(OS, R);
      return;
    case Format::Text: {
      bool Color = useColor(Options.Color, Options.Path);
      // A file or string stream has colours off until asked; the escapes go where the text goes.
      OS.enable_colors(Color);
      emitText(OS, R, Color, Options.Quiet);
      return;
    }
    }
  });
}

ExitStatus exitStatus(const CheckResult &R) {
  if (!R.Result.Errors.empty())
    return ExitInput;
  // Each finding was judged by the fail_on of its site's configuration (judgeFindings).
  return R.Failing ? ExitFindings : ExitOk;
}

} // namespace rtcheck
