//===- BuildTargets.cpp - programs from a build system's targets ----------===//
#include "BuildTargets.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace llvm;

namespace rtcheck {
namespace {

bool isProgram(StringRef Kind) {
  return Kind == "executable" || Kind == "shared_library" || Kind == "module_library";
}

bool isLinkable(StringRef Kind) {
  return Kind == "static_library" || Kind == "object_library" || Kind == "shared_library";
}

/// The library targets a program links, through static, object and in-project shared libraries.
void collectLinked(const std::map<std::string, BuildTarget> &Targets, const std::string &Id,
                   std::set<std::string> &Seen) {
  auto It = Targets.find(Id);
  if (It == Targets.end())
    return;
  for (const std::string &Dep : It->second.Dependencies) {
    auto D = Targets.find(Dep);
    if (D != Targets.end() && isLinkable(D->second.Kind) && Seen.insert(Dep).second)
      collectLinked(Targets, Dep, Seen);
  }
}

} // namespace

std::string commandOutput(const clang::tooling::CompileCommand &C) {
  if (!C.Output.empty())
    return C.Output;
  for (size_t I = 0; I + 1 < C.CommandLine.size(); ++I)
    if (C.CommandLine[I] == "-o")
      return C.CommandLine[I + 1];
  return "";
}

std::string commandOutputPath(const clang::tooling::CompileCommand &C) {
  std::string Out = commandOutput(C);
  if (Out.empty())
    return "";
  SmallString<256> P;
  if (sys::path::is_absolute(Out))
    P = Out;
  else
    sys::path::append(P, C.Directory, Out);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

std::vector<ProgramUnit>
programsFromTargets(const std::map<std::string, BuildTarget> &Targets,
                    ArrayRef<clang::tooling::CompileCommand> Commands) {
  std::map<std::string, std::vector<unsigned>> Owned;
  std::map<std::string, std::vector<unsigned>> Unclaimed;
  for (unsigned I = 0; I < Commands.size(); ++I) {
    std::string Out = commandOutputPath(Commands[I]);
    const std::string *Owner = nullptr;
    // The longest object directory wins: Meson nests a target's `X.p/` inside the build tree.
    for (const auto &[Id, T] : Targets)
      if (!Out.empty() && StringRef(Out).starts_with(T.ObjectDir) &&
          (!Owner || T.ObjectDir.size() > Targets.at(*Owner).ObjectDir.size()))
        Owner = &Id;
    if (Owner)
      Owned[*Owner].push_back(I);
    else
      Unclaimed[objectDirName(Commands[I])].push_back(I);
  }
  auto commandsOf = [&](const std::string &Id) {
    auto It = Owned.find(Id);
    return It == Owned.end() ? std::vector<unsigned>() : It->second;
  };

  std::map<std::string, unsigned> NameCount;
  for (const auto &[Id, T] : Targets)
    ++NameCount[T.Name];
  auto nameOf = [&](const BuildTarget &T) {
    return NameCount[T.Name] > 1 && !T.FileName.empty() ? T.FileName : T.Name;
  };

  std::vector<ProgramUnit> Programs;
  std::set<std::string> Linked;
  for (const auto &[Id, T] : Targets) {
    if (!isProgram(T.Kind))
      continue;
    std::set<std::string> Libs;
    collectLinked(Targets, Id, Libs);
    ProgramUnit P{nameOf(T), T.Kind, commandsOf(Id)};
    for (const std::string &L : Libs) {
      llvm::append_range(P.Members, commandsOf(L));
      Linked.insert(L);
    }
    llvm::sort(P.Members);
    P.Members.erase(std::unique(P.Members.begin(), P.Members.end()), P.Members.end());
    if (!P.Members.empty())
      Programs.push_back(std::move(P));
  }
  for (const auto &[Id, T] : Targets)
    if (!isProgram(T.Kind) && !Linked.count(Id) && !commandsOf(Id).empty())
      Programs.push_back({nameOf(T), T.Kind, commandsOf(Id)});
  for (auto &[Name, Members] : Unclaimed)
    Programs.push_back({Name, "unclaimed", std::move(Members)});
  llvm::sort(Programs, [](const ProgramUnit &A, const ProgramUnit &B) { return A.Name < B.Name; });
  return Programs;
}

} // namespace rtcheck
