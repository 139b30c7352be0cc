//===- MesonIntrospect.cpp - programs from Meson's introspection ----------===//
//
// Meson writes its introspection into `<build>/meson-info/` at every configure
// (https://mesonbuild.com/IDE-integration.html): `intro-targets.json` gives each target's name,
// type and output file; a target's objects go to `<output file>.p/`. That file does not say which
// targets a program links (Debian 12's Meson 1.0), so they are read from the link edges of the
// `build.ninja` Meson generated (`build OUT: c_LINKER objs | libdsp.a`): every input of a link
// edge, explicit or implicit, that is another target's output file is a dependency.
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

std::string normalised(StringRef BuildDir, StringRef Path) {
  SmallString<256> P;
  if (sys::path::is_absolute(Path))
    P = Path;
  else
    sys::path::append(P, BuildDir, Path);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

/// Meson's target type, in the model's words ("" for custom, run, alias and jar targets).
std::string kindOf(StringRef Type) {
  if (Type == "executable")
    return "executable";
  if (Type == "shared library")
    return "shared_library";
  if (Type == "shared module")
    return "module_library";
  if (Type == "static library")
    return "static_library";
  if (Type == "both libraries") // reported as two targets by current Meson; kept for older ones
    return "shared_library";
  return "";
}

/// Splits a Ninja path list at unescaped spaces and unescapes `$ `, `$:` and `$$`.
std::vector<std::string> ninjaPaths(StringRef List) {
  std::vector<std::string> Out(1);
  for (size_t I = 0; I < List.size(); ++I) {
    char C = List[I];
    if (C == '$' && I + 1 < List.size()) {
      Out.back() += List[++I];
    } else if (C == ' ') {
      if (!Out.back().empty())
        Out.emplace_back();
    } else {
      Out.back() += C;
    }
  }
  if (Out.back().empty())
    Out.pop_back();
  return Out;
}

/// The position of the first ':' that Ninja does not read as escaped, or npos.
size_t unescapedColon(StringRef Line) {
  for (size_t I = 0; I < Line.size(); ++I) {
    if (Line[I] == '$')
      ++I;
    else if (Line[I] == ':')
      return I;
  }
  return StringRef::npos;
}

/// The build directory Meson configured (`meson-info.json`), which the absolute paths of its
/// introspection name: a build directory copied or moved elsewhere still says the old one.
std::string configuredBuildDir(StringRef BuildDir) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(BuildDir + "/meson-info/meson-info.json");
  if (!Buf)
    return BuildDir.str();
  Expected<json::Value> Doc = json::parse((*Buf)->getBuffer());
  if (!Doc) {
    consumeError(Doc.takeError());
    return BuildDir.str();
  }
  const json::Object *O = Doc->getAsObject();
  const json::Object *Dirs = O ? O->getObject("directories") : nullptr;
  std::optional<StringRef> Build = Dirs ? Dirs->getString("build") : std::nullopt;
  return Build ? Build->str() : BuildDir.str();
}

/// Adds the dependencies that the link edges of BuildDir/build.ninja give (its relative paths are
/// taken below Base, the directory the introspection's paths name). A missing file (another Meson
/// back-end) leaves every library a program of its own, which Note says.
void readLinkEdges(StringRef BuildDir, StringRef Base, std::map<std::string, BuildTarget> &Targets,
                   const std::map<std::string, std::string> &IdByOutput, std::string &Note) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(BuildDir + "/build.ninja");
  if (!Buf) {
    Note = (BuildDir + "/build.ninja: cannot read it (" + Buf.getError().message() +
            "): the libraries of this Meson build are not linked into the programs that use them")
               .str();
    return;
  }
  SmallVector<StringRef, 0> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  std::string Joined;
  for (size_t N = 0; N < Lines.size(); ++N) {
    StringRef Line = Lines[N];
    if (!Line.starts_with("build "))
      continue;
    Joined = Line.str();
    // A line ending in an unescaped `$` continues on the next one.
    while (StringRef(Joined).ends_with("$") && !StringRef(Joined).ends_with("$$") &&
           N + 1 < Lines.size()) {
      Joined.pop_back();
      Joined += Lines[++N].ltrim().str();
    }
    StringRef Edge = StringRef(Joined).drop_front(6);
    size_t Colon = unescapedColon(Edge);
    if (Colon == StringRef::npos)
      continue;
    std::vector<std::string> Outputs = ninjaPaths(Edge.take_front(Colon).split(" | ").first);
    std::vector<std::string> Inputs = ninjaPaths(Edge.drop_front(Colon + 1));
    if (Inputs.empty() || !StringRef(Inputs.front()).contains("LINKER"))
      continue;
    std::string Target;
    for (const std::string &O : Outputs)
      if (auto It = IdByOutput.find(normalised(Base, O)); It != IdByOutput.end())
        Target = It->second;
    if (Target.empty())
      continue;
    for (size_t I = 1; I < Inputs.size() && Inputs[I] != "||"; ++I) {
      auto It = IdByOutput.find(normalised(Base, Inputs[I]));
      if (It != IdByOutput.end() && It->second != Target)
        Targets[Target].Dependencies.push_back(It->second);
    }
  }
}

} // namespace

Expected<std::optional<std::vector<ProgramUnit>>>
programsFromMeson(StringRef BuildDir, ArrayRef<clang::tooling::CompileCommand> Commands,
                  std::string &Note) {
  std::string File = (BuildDir + "/meson-info/intro-targets.json").str();
  if (BuildDir.empty() || !sys::fs::exists(File))
    return std::nullopt;
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(File);
  if (!Buf)
    return error(File + ": cannot read Meson's introspection: " + Buf.getError().message());
  Expected<json::Value> Doc = json::parse((*Buf)->getBuffer());
  if (!Doc)
    return error(File + ": malformed Meson introspection: " + toString(Doc.takeError()));
  const json::Array *List = Doc->getAsArray();
  if (!List)
    return error(File + ": malformed Meson introspection: expected an array of targets");
  std::map<std::string, BuildTarget> Targets;
  std::map<std::string, std::string> IdByOutput;
  for (const json::Value &Entry : *List) {
    const json::Object *T = Entry.getAsObject();
    std::optional<StringRef> Id = T ? T->getString("id") : std::nullopt;
    const json::Array *Files = T ? T->getArray("filename") : nullptr;
    std::string Kind = T ? kindOf(T->getString("type").value_or("")) : "";
    if (!Id || !Files || Files->empty() || Kind.empty())
      continue;
    std::optional<StringRef> Output = (*Files)[0].getAsString();
    if (!Output)
      continue;
    BuildTarget &Out = Targets[Id->str()];
    Out.Name = T->getString("name").value_or(*Id).str();
    Out.Kind = Kind;
    Out.ObjectDir = normalised(BuildDir, *Output) + ".p/";
    Out.FileName = sys::path::filename(*Output).str();
    for (const json::Value &F : *Files)
      if (std::optional<StringRef> Path = F.getAsString())
        IdByOutput[normalised(BuildDir, *Path)] = Id->str();
  }
  readLinkEdges(BuildDir, configuredBuildDir(BuildDir), Targets, IdByOutput, Note);
  return programsFromTargets(Targets, Commands);
}

} // namespace rtcheck
