//===- RaisePath.cpp - code that runs while a raise has failed ------------===//
//
// Part of ThreadRoots.h. A thread that fails to raise itself to a real-time policy is not
// real-time afterwards (had it been, the raise would not fail): what runs only on that failure
// (FluidSynth's rtkit/D-Bus fallback after `pthread_setschedparam` returned an error, the warning
// after both failed) is not real-time code. The sites are found by their guards: a clause that
// only tests the raise call's result (Summary.h callResultName) and is false for the value the
// rule says the call returns on success.
//
//===----------------------------------------------------------------------===//
#include "rtcheck/link/ThreadRoots.h"

#include "rtcheck/Rules.h"
#include "rtcheck/link/SitePruner.h"
#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace rtcheck {
namespace {

/// What the raise rule naming C's callee says a successful call returns.
std::optional<int64_t> successValue(const CallGraph &G, const RuleSet &Rules, const CallSite &C) {
  NodeId Callee = G.find(C.Callee);
  if (Callee == NoNode)
    return std::nullopt;
  StringRef Name = G.node(Callee).info().Name;
  for (const ThreadRule &R : Rules.threads())
    if (R.K == ThreadRule::Raise && R.Success && qualifiedMatch(R.Function, Name))
      return R.Success;
  return std::nullopt;
}

/// The clause holds only if the call named Result did not return Success.
bool onlyOnFailure(const GuardClause &Clause, StringRef Result, int64_t Success) {
  return all_of(Clause, [&](const GuardAtom &A) {
    return A.Param < 0 && A.Var == Result && !guardAtomHolds(A.Op, Success, A.Value);
  });
}

} // namespace

DenseSet<const CallSite *> sitesAfterFailedRaise(const CallGraph &G, ArrayRef<Summary> Summaries,
                                                 const RuleSet &Rules) {
  DenseSet<const CallSite *> Out;
  for (const Summary &S : Summaries)
    for (const Function &F : S.Functions) {
      if (!F.HasBody || F.InSystemHeader)
        continue;
      for (const CallSite &Raise : F.Calls) {
        if (!raisesCallingThread(G, Rules, Raise))
          continue;
        std::optional<int64_t> Success = successValue(G, Rules, Raise);
        if (!Success)
          continue;
        std::string Result = callResultName(Raise.Callee, Raise.Loc);
        for (const CallSite &C : F.Calls)
          if (any_of(C.Guards, [&](const GuardClause &Clause) {
                return !Clause.empty() && onlyOnFailure(Clause, Result, *Success);
              }))
            Out.insert(&C);
      }
    }
  return Out;
}

} // namespace rtcheck
