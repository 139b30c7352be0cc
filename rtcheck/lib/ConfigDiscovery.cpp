//===- ConfigDiscovery.cpp - the settings that apply to a file ------------===//
#include "rtcheck/ConfigDiscovery.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace llvm;

namespace rtcheck {
namespace {

std::string absoluteDirectory(StringRef Path) {
  SmallString<256> P(Path);
  sys::fs::make_absolute(P);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  if (!sys::fs::is_directory(P))
    sys::path::remove_filename(P);
  return std::string(P);
}

} // namespace

ConfigResolver::ConfigResolver(Config CommandLine, std::string ExplicitFile)
    : CommandLine(std::move(CommandLine)), ExplicitFile(std::move(ExplicitFile)) {}

Expected<const Config *> ConfigResolver::fileIn(StringRef Dir) {
  auto [It, Inserted] = Files.try_emplace(Dir);
  if (!Inserted)
    return It->second.get();
  SmallString<256> Path(Dir);
  sys::path::append(Path, ConfigFileName);
  if (!sys::fs::is_regular_file(Path))
    return nullptr;
  Expected<Config> C = readConfigFile(Path);
  if (!C) {
    Files.erase(Dir); // a later lookup reports the same error again
    return C.takeError();
  }
  It->second = std::make_unique<Config>(std::move(*C));
  return It->second.get();
}

Expected<std::vector<const Config *>> ConfigResolver::chain(StringRef Dir) {
  if (auto It = Chains.find(Dir); It != Chains.end())
    return It->second;
  std::vector<const Config *> Chain;
  Expected<const Config *> Own = fileIn(Dir);
  if (!Own)
    return Own.takeError();
  if (!*Own || !(*Own)->StopsDiscovery) {
    StringRef Parent = sys::path::parent_path(Dir);
    if (!Parent.empty() && Parent != Dir) {
      Expected<std::vector<const Config *>> Up = chain(Parent);
      if (!Up)
        return Up.takeError();
      Chain = std::move(*Up);
    }
  }
  if (*Own)
    Chain.push_back(*Own);
  Chains[Dir] = Chain;
  return Chain;
}

Expected<Config> ConfigResolver::forFile(StringRef Path) {
  Config Out;
  if (!ExplicitFile.empty()) {
    if (!Explicit) {
      Expected<Config> C = readConfigFile(ExplicitFile);
      if (!C)
        return C.takeError();
      Explicit = std::move(*C);
    }
    Out = *Explicit;
  } else {
    Expected<std::vector<const Config *>> Chain = chain(absoluteDirectory(Path));
    if (!Chain)
      return Chain.takeError();
    for (const Config *C : *Chain)
      Out.merge(*C);
  }
  Out.merge(CommandLine);
  return Out;
}

Expected<Config> ConfigResolver::forProgram(ArrayRef<std::string> Paths) {
  if (!ExplicitFile.empty())
    return forFile(".");
  std::set<std::string> Dirs;
  for (const std::string &P : Paths)
    Dirs.insert(absoluteDirectory(P));
  // Every file seen, once; farther (shorter) directories first so that nearer ones refine them.
  std::vector<std::pair<std::string, const Config *>> Seen;
  for (const std::string &D : Dirs) {
    Expected<std::vector<const Config *>> Chain = chain(D);
    if (!Chain)
      return Chain.takeError();
    for (const Config *C : *Chain)
      if (none_of(Seen, [&](const auto &S) { return S.second == C; }))
        Seen.push_back({C->Sources.front(), C});
  }
  llvm::sort(Seen, [](const auto &A, const auto &B) {
    size_t DepthA = count(A.first, '/'), DepthB = count(B.first, '/');
    return DepthA != DepthB ? DepthA < DepthB : A.first < B.first;
  });
  Config Out;
  for (const auto &[Path, C] : Seen) {
    Config Program = *C;
    // A directory's thresholds are about its own files, not the program's.
    Program.Threshold.reset();
    Program.ReportUnknown.reset();
    Out.merge(Program);
  }
  Out.merge(CommandLine);
  return Out;
}

} // namespace rtcheck
