//===- CMakeFileApi.cpp - programs from the CMake File API ----------------===//
//
// Reads `.cmake/api/v1/reply/index-*.json` → codemodel-v2 → targets (type, build directory,
// dependencies) and assigns each compile command to the target whose object directory
// (`<paths.build>/CMakeFiles/<name>.dir/`) holds its output. See
// https://cmake.org/cmake/help/latest/manual/cmake-file-api.7.html.
//
//===----------------------------------------------------------------------===//
#include "rtcheck/Programs.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <map>
#include <set>

using namespace llvm;

namespace rtcheck {
namespace {

Error error(const Twine &Message) { return createStringError(inconvertibleErrorCode(), Message); }

Expected<json::Value> readJSON(const Twine &Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return error(Path + ": cannot read the CMake File API reply: " + Buf.getError().message());
  Expected<json::Value> V = json::parse((*Buf)->getBuffer());
  if (!V)
    return error(Path + ": malformed CMake File API reply: " + toString(V.takeError()));
  return V;
}

std::string normalised(const Twine &Path) {
  SmallString<256> P;
  Path.toVector(P);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

struct Target {
  std::string Name;
  std::string Type;
  std::string ObjectDir; ///< absolute, ends with '/'
  std::vector<std::string> Dependencies;
  std::vector<unsigned> Commands;
};

bool isProgram(StringRef Type) {
  return Type == "EXECUTABLE" || Type == "SHARED_LIBRARY" || Type == "MODULE_LIBRARY";
}

bool isLinkable(StringRef Type) {
  return Type == "STATIC_LIBRARY" || Type == "OBJECT_LIBRARY" || Type == "SHARED_LIBRARY";
}

/// The reply index CMake wrote last (its name holds a timestamp), or "".
std::string newestIndex(StringRef ReplyDir) {
  std::string Best;
  std::error_code EC;
  for (sys::fs::directory_iterator It(ReplyDir, EC), End; It != End && !EC; It.increment(EC)) {
    StringRef Name = sys::path::filename(It->path());
    if (Name.starts_with("index-") && Name.ends_with(".json") && It->path() > Best)
      Best = It->path();
  }
  return Best;
}

Expected<std::map<std::string, Target>> readTargets(StringRef BuildDir, StringRef ReplyDir,
                                                    StringRef CodemodelFile) {
  Expected<json::Value> Model = readJSON(ReplyDir + "/" + CodemodelFile);
  if (!Model)
    return Model.takeError();
  const json::Array *Configs =
      Model->getAsObject() ? Model->getAsObject()->getArray("configurations") : nullptr;
  if (!Configs || Configs->empty() || !(*Configs)[0].getAsObject())
    return error(ReplyDir + "/" + CodemodelFile + ": codemodel without configurations");
  std::map<std::string, Target> Targets;
  const json::Array *List = (*Configs)[0].getAsObject()->getArray("targets");
  for (const json::Value &Entry : List ? *List : json::Array()) {
    const json::Object *E = Entry.getAsObject();
    std::optional<StringRef> Id = E ? E->getString("id") : std::nullopt;
    std::optional<StringRef> File = E ? E->getString("jsonFile") : std::nullopt;
    if (!Id || !File)
      continue;
    Expected<json::Value> TV = readJSON(ReplyDir + "/" + *File);
    if (!TV)
      return TV.takeError();
    const json::Object *T = TV->getAsObject();
    if (!T)
      continue;
    Target &Out = Targets[Id->str()];
    Out.Name = T->getString("name").value_or("").str();
    Out.Type = T->getString("type").value_or("").str();
    StringRef Build = ".";
    if (const json::Object *Paths = T->getObject("paths"))
      Build = Paths->getString("build").value_or(".");
    Out.ObjectDir = normalised(BuildDir + "/" + Build + "/CMakeFiles/" + Out.Name + ".dir") + "/";
    if (const json::Array *Deps = T->getArray("dependencies"))
      for (const json::Value &D : *Deps)
        if (const json::Object *DO = D.getAsObject())
          if (std::optional<StringRef> DepId = DO->getString("id"))
            Out.Dependencies.push_back(DepId->str());
  }
  return Targets;
}

std::string outputPath(const clang::tooling::CompileCommand &C) {
  std::string Out = C.Output;
  if (Out.empty())
    for (size_t I = 0; I + 1 < C.CommandLine.size(); ++I)
      if (C.CommandLine[I] == "-o")
        Out = C.CommandLine[I + 1];
  if (Out.empty())
    return "";
  return sys::path::is_absolute(Out) ? normalised(Out) : normalised(C.Directory + "/" + Out);
}

/// The library targets a program links, through static, object and in-project shared libraries.
void collectLinked(const std::map<std::string, Target> &Targets, const std::string &Id,
                   std::set<std::string> &Seen) {
  auto It = Targets.find(Id);
  if (It == Targets.end())
    return;
  for (const std::string &Dep : It->second.Dependencies) {
    auto D = Targets.find(Dep);
    if (D != Targets.end() && isLinkable(D->second.Type) && Seen.insert(Dep).second)
      collectLinked(Targets, Dep, Seen);
  }
}

} // namespace

Expected<std::optional<std::vector<ProgramUnit>>>
programsFromCMake(StringRef BuildDir, ArrayRef<clang::tooling::CompileCommand> Commands,
                  std::string &Note) {
  if (BuildDir.empty() || !sys::fs::exists(BuildDir + "/CMakeCache.txt"))
    return std::nullopt;
  std::string Query = BuildDir.str() + "/.cmake/api/v1/query/codemodel-v2";
  if (!sys::fs::exists(Query)) {
    // An empty file asks the next `cmake` run for the codemodel; nothing else changes.
    sys::fs::create_directories(sys::path::parent_path(Query));
    std::error_code EC;
    raw_fd_ostream(Query, EC);
  }
  std::string ReplyDir = BuildDir.str() + "/.cmake/api/v1/reply";
  std::string Index = newestIndex(ReplyDir);
  std::optional<StringRef> CodemodelFile;
  Expected<json::Value> IndexDoc = Index.empty() ? json::Value(nullptr) : readJSON(Index);
  if (!IndexDoc)
    return IndexDoc.takeError();
  if (const json::Object *I = IndexDoc->getAsObject())
    if (const json::Object *Reply = I->getObject("reply"))
      if (const json::Object *CM = Reply->getObject("codemodel-v2"))
        CodemodelFile = CM->getString("jsonFile");
  if (!CodemodelFile) {
    Note = (BuildDir + ": no CMake File API codemodel yet; rerun `cmake " + BuildDir +
            "` (the query is in place) to take the programs from the build; until then they "
            "are inferred from entry points")
               .str();
    return std::nullopt;
  }
  Expected<std::map<std::string, Target>> Targets = readTargets(BuildDir, ReplyDir, *CodemodelFile);
  if (!Targets)
    return Targets.takeError();

  std::map<std::string, std::vector<unsigned>> Unclaimed;
  for (unsigned I = 0; I < Commands.size(); ++I) {
    std::string Out = outputPath(Commands[I]);
    Target *Owner = nullptr;
    for (auto &[Id, T] : *Targets)
      if (!Out.empty() && StringRef(Out).starts_with(T.ObjectDir))
        Owner = &T;
    if (Owner)
      Owner->Commands.push_back(I);
    else
      Unclaimed[objectDirName(Commands[I])].push_back(I);
  }

  std::vector<ProgramUnit> Programs;
  std::set<std::string> Linked;
  for (const auto &[Id, T] : *Targets) {
    if (!isProgram(T.Type))
      continue;
    std::set<std::string> Libs;
    collectLinked(*Targets, Id, Libs);
    ProgramUnit P{T.Name, StringRef(T.Type).lower(), T.Commands};
    for (const std::string &L : Libs) {
      llvm::append_range(P.Members, Targets->at(L).Commands);
      Linked.insert(L);
    }
    llvm::sort(P.Members);
    P.Members.erase(std::unique(P.Members.begin(), P.Members.end()), P.Members.end());
    if (!P.Members.empty())
      Programs.push_back(std::move(P));
  }
  for (const auto &[Id, T] : *Targets)
    if (!isProgram(T.Type) && !Linked.count(Id) && !T.Commands.empty())
      Programs.push_back({T.Name, StringRef(T.Type).lower(), T.Commands});
  for (auto &[Name, Members] : Unclaimed)
    Programs.push_back({Name, "unclaimed", std::move(Members)});
  llvm::sort(Programs, [](const ProgramUnit &A, const ProgramUnit &B) { return A.Name < B.Name; });
  return Programs;
}

} // namespace rtcheck
