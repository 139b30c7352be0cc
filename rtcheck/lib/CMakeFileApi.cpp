//===- CMakeFileApi.cpp - programs from the CMake File API ----------------===//
//
// Reads `.cmake/api/v1/reply/index-*.json` → codemodel-v2 → targets (type, build directory,
// dependencies); a command belongs to the target whose object directory
// (`<paths.build>/CMakeFiles/<name>.dir/`) holds its output (BuildTargets.cpp). See
// https://cmake.org/cmake/help/latest/manual/cmake-file-api.7.html.
//
//===----------------------------------------------------------------------===//
#include "BuildTargets.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"


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

/// CMake's target type, in the model's words ("" for utility and interface targets).
std::string kindOf(StringRef Type) {
  if (Type == "EXECUTABLE" || Type == "SHARED_LIBRARY" || Type == "MODULE_LIBRARY" ||
      Type == "STATIC_LIBRARY" || Type == "OBJECT_LIBRARY")
    return Type.lower();
  return "";
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

Expected<std::map<std::string, BuildTarget>> readTargets(StringRef BuildDir, StringRef ReplyDir,
                                                    StringRef CodemodelFile) {
  Expected<json::Value> Model = readJSON(ReplyDir + "/" + CodemodelFile);
  if (!Model)
    return Model.takeError();
  const json::Array *Configs =
      Model->getAsObject() ? Model->getAsObject()->getArray("configurations") : nullptr;
  if (!Configs || Configs->empty() || !(*Configs)[0].getAsObject())
    return error(ReplyDir + "/" + CodemodelFile + ": codemodel without configurations");
  std::map<std::string, BuildTarget> Targets;
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
    std::string Kind = kindOf(T->getString("type").value_or(""));
    if (Kind.empty())
      continue;
    BuildTarget &Out = Targets[Id->str()];
    Out.Name = T->getString("name").value_or("").str();
    Out.Kind = Kind;
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
  Expected<std::map<std::string, BuildTarget>> Targets =
      readTargets(BuildDir, ReplyDir, *CodemodelFile);
  if (!Targets)
    return Targets.takeError();
  return programsFromTargets(*Targets, Commands);
}

} // namespace rtcheck
