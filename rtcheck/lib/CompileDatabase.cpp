//===- CompileDatabase.cpp - compile commands and program selection -------===//
#include "rtcheck/CompileDatabase.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include <algorithm>

using namespace llvm;
using namespace clang::tooling;

namespace rtcheck {
namespace {

Error error(const Twine &Message) { return createStringError(inconvertibleErrorCode(), Message); }

std::string absolute(StringRef Path) {
  SmallString<256> P(Path);
  sys::fs::make_absolute(P);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

Expected<std::unique_ptr<CompilationDatabase>> openJSON(StringRef BuildPath) {
  SmallString<256> Path(BuildPath);
  if (sys::fs::is_directory(Path))
    sys::path::append(Path, "compile_commands.json");
  if (!sys::fs::exists(Path))
    return error(Path + ": no compilation database (run cmake with "
                        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or pass compiler flags after --)");
  std::string Err;
  std::unique_ptr<CompilationDatabase> DB =
      JSONCompilationDatabase::loadFromFile(Path, Err, JSONCommandLineSyntax::AutoDetect);
  if (DB)
    return DB;
  // Clang's message opens with a sentence that says nothing the prefix does not.
  StringRef Msg = StringRef(Err).trim();
  Msg.consume_front("Error while parsing JSON.");
  return error(Path + ": malformed compilation database: " + Msg.trim());
}

/// Compiler launchers in front of the compiler (Meson writes `ccache cc ...` whenever ccache is
/// installed): the compiler is the next word, which is what Clang's driver must see.
void dropLaunchers(CompileCommand &C) {
  static constexpr StringRef Launchers[] = {"ccache", "sccache", "distcc", "icecc", "buildcache"};
  while (C.CommandLine.size() > 1 &&
         is_contained(Launchers, sys::path::filename(C.CommandLine.front())))
    C.CommandLine.erase(C.CommandLine.begin());
}

/// A compiler front-end invocation (`clang -cc1 ...`). Build interceptors such as Bear record them
/// next to the driver command that spawned them; the driver cannot take them back, so they only
/// ever fail to parse. The driver command of the same file stands for them.
bool frontEndInvocation(const CompileCommand &C) {
  // Not only argv[1]: the driver-mode inference may insert `--driver-mode=...` after the compiler.
  return is_contained(C.CommandLine, "-cc1") || is_contained(C.CommandLine, "-cc1as");
}

} // namespace

Program::Program() = default;
Program::Program(Program &&) = default;
Program &Program::operator=(Program &&) = default;
Program::~Program() = default;

CompileDatabase::CompileDatabase(std::unique_ptr<CompilationDatabase> DB) : DB(std::move(DB)) {}
CompileDatabase::CompileDatabase(CompileDatabase &&) = default;
CompileDatabase &CompileDatabase::operator=(CompileDatabase &&) = default;
CompileDatabase::~CompileDatabase() = default;

Expected<CompileDatabase> CompileDatabase::load(const DatabaseOptions &Options) {
  std::unique_ptr<CompilationDatabase> DB;
  std::string BuildDir;
  if (Options.FixedFlags) {
    DB = std::make_unique<FixedCompilationDatabase>(".", *Options.FixedFlags);
  } else if (!Options.BuildPath.empty()) {
    Expected<std::unique_ptr<CompilationDatabase>> JSON = openJSON(Options.BuildPath);
    if (!JSON)
      return JSON.takeError();
    DB = std::move(*JSON);
    BuildDir = sys::fs::is_directory(Options.BuildPath)
                   ? absolute(Options.BuildPath)
                   : absolute(sys::path::parent_path(Options.BuildPath));
  } else if (!Options.SearchFrom.empty()) {
    std::string Err;
    DB = CompilationDatabase::autoDetectFromSource(absolute(Options.SearchFrom), Err);
    if (!DB)
      return error("no compilation database found for " + Options.SearchFrom +
                   " (pass -p BUILD_DIR, or compiler flags after --)");
  } else {
    return error("no input: pass -p BUILD_DIR, or files and compiler flags after --");
  }
  // Headers and files missing from the database borrow a neighbour's command; the driver mode
  // and target come from the compiler's name (clang-cl, arm-none-eabi-gcc).
  CompileDatabase Out(inferTargetAndDriverMode(inferMissingCompileCommands(std::move(DB))));
  Out.BuildDir = std::move(BuildDir);
  return Out;
}

Expected<Program> CompileDatabase::selectProgram(ArrayRef<std::string> Files,
                                                 StringRef Select) const {
  std::optional<Regex> Filter;
  if (!Select.empty()) {
    Filter.emplace(Select);
    std::string Why;
    if (!Filter->isValid(Why))
      return error("--select: bad regular expression '" + Select + "': " + Why);
  }
  auto Accepted = [&](const CompileCommand &C) {
    return !Filter || Filter->match(join(C.CommandLine, " ") + " -o " + C.Output);
  };
  Program P;
  if (Files.empty()) {
    StringSet<> Seen;
    std::vector<CompileCommand> All = DB->getAllCompileCommands();
    StringSet<> DriverFiles;
    for (const CompileCommand &C : All)
      if (!frontEndInvocation(C))
        DriverFiles.insert(C.Filename);
    for (CompileCommand &C : All) {
      dropLaunchers(C);
      if (!Accepted(C))
        continue;
      if ((frontEndInvocation(C) && DriverFiles.contains(C.Filename)) ||
          !Seen.insert(C.Filename + "\n" + C.Directory + "\n" + join(C.CommandLine, "\n")).second) {
        ++P.Merged;
        continue;
      }
      P.Commands.push_back(std::move(C));
    }
    if (P.Commands.empty())
      return error(Filter ? "no compile command matches --select '" + Select + "'"
                          : Twine("the compilation database lists no files"));
    return P;
  }
  for (const std::string &F : Files) {
    if (!sys::fs::exists(F))
      return error(F + ": no such file");
    std::string Abs = absolute(F);
    std::vector<CompileCommand> Cmds = DB->getCompileCommands(Abs);
    for_each(Cmds, dropLaunchers);
    // The driver command first: a front-end invocation is used only when it is all there is.
    std::stable_partition(Cmds.begin(), Cmds.end(),
                          [](const CompileCommand &C) { return !frontEndInvocation(C); });
    auto It = find_if(Cmds, Accepted);
    if (It == Cmds.end()) {
      P.Errors.push_back({Abs, Cmds.empty() ? "no compile command for this file"
                                            : "no compile command for this file matches --select"});
      continue;
    }
    P.Commands.push_back(std::move(*It));
  }
  return P;
}

} // namespace rtcheck
