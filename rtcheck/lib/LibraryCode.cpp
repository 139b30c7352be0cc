//===- LibraryCode.cpp - files the user declares library code -------------===//
#include "rtcheck/LibraryCode.h"

#include "rtcheck/Rules.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace rtcheck {

void markLibraryCode(MutableArrayRef<Summary> Summaries, ArrayRef<std::string> Globs) {
  if (Globs.empty())
    return;
  std::vector<std::string> Patterns;
  for (const std::string &G : Globs) {
    SmallString<256> P(G);
    if (!G.starts_with("*") && !sys::path::is_absolute(P))
      sys::fs::make_absolute(P);
    sys::path::remove_dots(P, /*remove_dot_dot=*/true);
    Patterns.push_back(std::string(P));
  }
  StringMap<bool> IsLibrary; // by file, memoised: many sites share a file
  auto Library = [&](const SourceLoc &L) {
    if (L.File.empty())
      return false;
    auto [It, Inserted] = IsLibrary.try_emplace(L.File, false);
    if (Inserted)
      for (const std::string &P : Patterns)
        if (wildcardMatch(P, L.File)) {
          It->second = true;
          break;
        }
    return It->second;
  };
  for (Summary &S : Summaries)
    for (Function &F : S.Functions) {
      if (Library(F.Loc))
        F.InSystemHeader = true;
      for (CallSite &C : F.Calls)
        if (Library(C.Loc))
          C.InSystemHeader = true;
    }
}

} // namespace rtcheck
