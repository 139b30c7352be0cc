//===- Programs.cpp - partition by entry points, link per program ---------===//
#include "rtcheck/Programs.h"
#include "BuildTargets.h"

#include "rtcheck/link/EntryReach.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

#include <map>
#include <set>
#include <tuple>

using namespace llvm;

namespace rtcheck {
namespace {

bool userDefinition(const Function &F) {
  return F.HasBody && !F.InSystemHeader && !F.CompilerGenerated && !F.IsBuiltin;
}

bool definesEntry(const Summary &S) {
  for (const Function &F : S.Functions)
    if (userDefinition(F) && isProgramEntryName(F.Name))
      return true;
  return false;
}

std::string where(const SourceLoc &L) {
  return L.File + ":" + std::to_string(L.Line) + ":" + std::to_string(L.Column);
}

std::string uniqueName(StringSet<> &Used, StringRef Base) {
  std::string Name = Base.str();
  for (unsigned N = 2; !Used.insert(Name).second; ++N)
    Name = (Base + "#" + Twine(N)).str();
  return Name;
}

/// Functions defined at two places by the TUs of one program: the link keeps one of them.
void reportDuplicateDefinitions(ArrayRef<Summary> Summaries, const ProgramUnit &P,
                                std::vector<std::string> &Warnings) {
  constexpr unsigned Shown = 5;
  StringMap<const Function *> First;
  StringSet<> Reported;
  for (unsigned M : P.Members)
    for (const Function &F : Summaries[M].Functions) {
      if (!userDefinition(F))
        continue;
      auto [It, Inserted] = First.try_emplace(F.USR, &F);
      const Function &Old = *It->second;
      // Inline definitions in two files are the same definition by the one-definition rule
      // (`inline float clamp(float)` repeated in two sources).
      if (Inserted || (Old.Loc.File == F.Loc.File && Old.Loc.Line == F.Loc.Line) ||
          (Old.Inline && F.Inline) || !Reported.insert(F.USR).second)
        continue;
      if (Reported.size() <= Shown)
        Warnings.push_back("program '" + P.Name + "' defines '" + F.Name + "' twice, at " +
                           where(Old.Loc) + " and at " + where(F.Loc) +
                           " (a configuration problem: only the first is analysed)");
    }
  if (Reported.size() > Shown)
    Warnings.push_back("program '" + P.Name + "' defines " +
                       std::to_string(Reported.size() - Shown) +
                       " more function(s) twice (a configuration problem)");
}

} // namespace

std::string objectDirName(const clang::tooling::CompileCommand &C) {
  std::string Out = commandOutput(C);
  SmallVector<StringRef, 8> Parts;
  StringRef(Out).split(Parts, '/');
  for (size_t I = Parts.size(); I-- > 0;) {
    StringRef Part = Parts[I];
    if (Part.consume_back(".dir") && I > 0 && Parts[I - 1] == "CMakeFiles")
      return Part.str();
    if (Part.consume_back(".p") && I + 1 < Parts.size())
      return Part.str();
  }
  return sys::path::stem(C.Filename).str();
}

std::vector<ProgramUnit> programsFromEntries(ArrayRef<const Summary *> TUs,
                                             ArrayRef<std::string> ObjectDirs) {
  // Who defines what, and what each TU needs from others.
  StringMap<std::vector<unsigned>> Definers;
  std::vector<std::vector<std::string>> Needs(TUs.size());
  for (unsigned I = 0; I < TUs.size(); ++I) {
    StringSet<> Defined;
    for (const Function &F : TUs[I]->Functions)
      if (userDefinition(F)) {
        Defined.insert(F.USR);
        Definers[F.USR].push_back(I);
      }
    // Calls and references by address (driver tables, callbacks stored into fields).
    for (const Function &F : TUs[I]->Functions)
      if (!Defined.contains(F.USR))
        Needs[I].push_back(F.USR);
    for (const AddressTaken &A : TUs[I]->AddressTakenFunctions)
      if (!Defined.contains(A.USR))
        Needs[I].push_back(A.USR);
    for (const FieldStore &S : TUs[I]->FieldStores)
      if (!Defined.contains(S.USR))
        Needs[I].push_back(S.USR);
  }
  std::vector<ProgramUnit> Programs;
  std::vector<bool> Joined(TUs.size());
  StringSet<> Used;
  StringSet<> Started;
  // Adds to P the TUs that define what its members need, transitively (Work: the members yet
  // to be followed; Home: the object directory of the program's own target).
  auto Close = [&](ProgramUnit &P, std::vector<bool> &In, std::vector<unsigned> Work,
                   StringRef Home) {
    StringSet<> Dirs;
    Dirs.insert(Home);
    while (!Work.empty()) {
      unsigned T = Work.back();
      Work.pop_back();
      P.Members.push_back(T);
      Joined[T] = true;
      for (const std::string &USR : Needs[T]) {
        // Several builds define it (one source built for two programs, alternative back-ends):
        // take one target's, preferring this program's own, then one it already links, then
        // the first by name, so that the choice does not depend on the order of the commands.
        std::vector<unsigned> Candidates = Definers.lookup(USR);
        if (Candidates.size() > 1) {
          std::string Best;
          for (unsigned D : Candidates) {
            const std::string &Dir = ObjectDirs[D];
            auto Rank = [&](const std::string &X) {
              return std::make_tuple(X != Home, !Dirs.contains(X), X);
            };
            if (Best.empty() || Rank(Dir) < Rank(Best))
              Best = Dir;
          }
          erase_if(Candidates, [&](unsigned D) { return ObjectDirs[D] != Best; });
        }
        for (unsigned D : Candidates)
          if (!In[D] && !definesEntry(*TUs[D])) {
            In[D] = true;
            Dirs.insert(ObjectDirs[D]);
            Work.push_back(D);
          }
      }
    }
    llvm::sort(P.Members);
  };
  for (unsigned I = 0; I < TUs.size(); ++I) {
    // The entry units of one target (jalv's main and its jack_initialize) start one program.
    if (!definesEntry(*TUs[I]) || !Started.insert(ObjectDirs[I]).second)
      continue;
    ProgramUnit P{uniqueName(Used, ObjectDirs[I]), "program", {}};
    std::vector<bool> In(TUs.size());
    std::vector<unsigned> Work;
    for (unsigned E = I; E < TUs.size(); ++E)
      if (ObjectDirs[E] == ObjectDirs[I] && definesEntry(*TUs[E])) {
        In[E] = true;
        Work.push_back(E);
      }
    Close(P, In, std::move(Work), ObjectDirs[I]);
    Programs.push_back(std::move(P));
  }
  // What no program needs: grouped by target, each group a program of its own, which links
  // the definitions its members need like any program (a library alone still calls its own
  // utilities, also when the programs above already took them).
  std::map<std::string, std::vector<unsigned>> Rest;
  for (unsigned I = 0; I < TUs.size(); ++I)
    if (!Joined[I])
      Rest[Programs.empty() ? std::string("program") : ObjectDirs[I]].push_back(I);
  for (auto &[Name, Members] : Rest) {
    ProgramUnit P{uniqueName(Used, Name), "library", {}};
    std::vector<bool> In(TUs.size());
    for (unsigned M : Members)
      In[M] = true;
    Close(P, In, Members, ObjectDirs[Members.front()]);
    Programs.push_back(std::move(P));
  }
  return Programs;
}

LinkResult linkPrograms(ArrayRef<Summary> Summaries, ArrayRef<ProgramUnit> Programs,
                        const RuleSet &Rules, const LinkOptions &Options) {
  LinkResult Out;
  using Key = std::tuple<std::string, unsigned, unsigned, Category, std::string>;
  std::map<Key, Finding> Findings;
  std::map<std::tuple<std::string, std::string, std::string>, size_t> RootIndex;
  std::map<std::string, unsigned> WarningCount;
  std::vector<std::string> Warnings;
  std::set<unsigned> TUs;
  for (const ProgramUnit &P : Programs) {
    std::vector<Summary> Members;
    for (unsigned M : P.Members) {
      Members.push_back(Summaries[M]);
      TUs.insert(M);
    }
    reportDuplicateDefinitions(Summaries, P, Warnings);
    LinkResult R = link(Members, Rules, Options);
    Out.Stats.Functions += R.Stats.Functions;
    Out.Stats.ReachableFunctions += R.Stats.ReachableFunctions;
    Out.Stats.Suppressed += R.Stats.Suppressed;
    Out.Stats.Allowed += R.Stats.Allowed;
    Out.Stats.IndirectSites += R.Stats.IndirectSites;
    Out.Stats.TypeTargets += R.Stats.TypeTargets;
    Out.Stats.FlowTargets += R.Stats.FlowTargets;
    Out.Stats.TypeTargetsMax = std::max(Out.Stats.TypeTargetsMax, R.Stats.TypeTargetsMax);
    Out.Stats.FlowTargetsMax = std::max(Out.Stats.FlowTargetsMax, R.Stats.FlowTargetsMax);
    Out.Stats.TypeFallbackSites += R.Stats.TypeFallbackSites;
    Out.Stats.EscapedFallbackSites += R.Stats.EscapedFallbackSites;
    Out.Stats.ObjectCallSites += R.Stats.ObjectCallSites;
    Out.Stats.ObjectCallsByFlow += R.Stats.ObjectCallsByFlow;
    Out.Stats.ObjectCallTargets += R.Stats.ObjectCallTargets;
    for (std::string &W : R.Warnings)
      if (WarningCount[W]++ == 0)
        Warnings.push_back(std::move(W));
    for (Root &Rt : R.Roots) {
      auto [It, Inserted] =
          RootIndex.try_emplace({Rt.Function, where(Rt.Loc), Rt.Context}, Out.Roots.size());
      if (Inserted)
        Out.Roots.push_back(std::move(Rt));
      Out.Roots[It->second].Programs.push_back(P.Name);
    }
    for (Finding &F : R.Findings) {
      Key K{F.Site.File, F.Site.Line, F.Site.Column, F.Cat, F.Callee};
      auto [It, Inserted] = Findings.try_emplace(K, F);
      Finding &M = It->second;
      M.Programs.push_back(P.Name);
      if (Inserted)
        continue;
      M.Sev = std::max(M.Sev, F.Sev);
      llvm::append_range(M.Roots, F.Roots);
      llvm::append_range(M.Contexts, F.Contexts);
      for (auto *V : {&M.Roots, &M.Contexts}) {
        llvm::sort(*V);
        V->erase(std::unique(V->begin(), V->end()), V->end());
      }
    }
  }
  // A root that matches nothing is worth saying only when it matched in no program.
  for (std::string &W : Warnings)
    if (!StringRef(W).starts_with("root '") || WarningCount[W] == Programs.size())
      Out.Warnings.push_back(std::move(W));
  for (auto &[K, F] : Findings)
    Out.Findings.push_back(std::move(F));
  mergeByLine(Out.Findings);
  Out.Stats.TranslationUnits = TUs.size();
  return Out;
}

} // namespace rtcheck
