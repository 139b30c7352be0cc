//===- SitePruner.cpp - call sites that cannot run ------------------------===//
#include "rtcheck/link/SitePruner.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace rtcheck {
bool guardAtomHolds(GuardAtom::OpKind Op, int64_t V, int64_t K) {
  switch (Op) {
  case GuardAtom::Eq:
    return V == K;
  case GuardAtom::Ne:
    return V != K;
  case GuardAtom::Lt:
    return V < K;
  case GuardAtom::Le:
    return V <= K;
  case GuardAtom::Gt:
    return V > K;
  case GuardAtom::Ge:
    return V >= K;
  }
  llvm_unreachable("covered switch");
}

std::optional<int64_t> SitePruner::valueOf(const GuardAtom &A, const EntryFacts &Entry,
                                           const CallResults &Results) const {
  if (A.Param >= 0) {
    for (const auto &[Param, Value] : Entry)
      if (Param == unsigned(A.Param))
        return Value;
    return std::nullopt;
  }
  if (auto It = Assume.find(A.Var); It != Assume.end())
    return It->second;
  if (auto It = Results.find(A.Var); It != Results.end())
    return It->second;
  return std::nullopt;
}

bool SitePruner::falsified(const std::vector<GuardClause> &Guards, const EntryFacts &Entry,
                           const CallResults &Results) const {
  if (Entry.empty() && Assume.empty() && Results.empty())
    return false;
  // A clause is false when every atom is known and false; unknown atoms may hold.
  return any_of(Guards, [&](const GuardClause &Clause) {
    return all_of(Clause, [&](const GuardAtom &A) {
      std::optional<int64_t> V = valueOf(A, Entry, Results);
      return V && !guardAtomHolds(A.Op, *V, A.Value);
    });
  });
}

bool SitePruner::ruledOut(NodeId U, const CallSite &C, const EntryFacts &Entry) {
  if (!C.StaticInit.empty() && StaticsReady.contains(U))
    return true;
  if (AfterFailedRaise.contains(&C))
    return true;
  if (C.Guards.empty())
    return false;
  return falsified(C.Guards, Entry, resultsOf(U, Entry));
}

const std::vector<unsigned> &SitePruner::usedParams(NodeId N) {
  auto [It, Inserted] = Used.try_emplace(N);
  if (!Inserted || !G.node(N).Def)
    return It->second;
  std::vector<unsigned> &P = It->second;
  for (const CallSite &C : G.node(N).Def->Calls) {
    for (const GuardClause &Clause : C.Guards)
      for (const GuardAtom &A : Clause)
        if (A.Param >= 0)
          P.push_back(unsigned(A.Param));
    for (const auto &[Arg, Param] : C.ParamArgs)
      P.push_back(Param);
  }
  for (const ReturnSite &R : G.node(N).Def->Returns) {
    for (const GuardClause &Clause : R.Guards)
      for (const GuardAtom &A : Clause)
        if (A.Param >= 0)
          P.push_back(unsigned(A.Param));
    if (R.Param >= 0)
      P.push_back(unsigned(R.Param));
  }
  llvm::sort(P);
  P.erase(std::unique(P.begin(), P.end()), P.end());
  return P;
}

EntryFacts factsPassedOn(ArrayRef<unsigned> Used, ArrayRef<std::pair<unsigned, int64_t>> ConstArgs,
                         ArrayRef<std::pair<unsigned, unsigned>> ParamArgs,
                         const EntryFacts &Caller) {
  EntryFacts Out;
  for (unsigned Param : Used) {
    if (auto K = find_if(ConstArgs, [&](const auto &A) { return A.first == Param; });
        K != ConstArgs.end()) {
      Out.emplace_back(Param, K->second);
      continue;
    }
    for (const auto &[Arg, From] : ParamArgs)
      if (Arg == Param)
        for (const auto &[Known, Value] : Caller)
          if (Known == From)
            Out.emplace_back(Param, Value);
  }
  return Out;
}

EntryFacts SitePruner::calleeFacts(NodeId U, const CallSite &C, NodeId Callee,
                                   const EntryFacts &Caller) {
  if (C.ConstArgs.empty() && C.ParamArgs.empty() && C.ResultArgs.empty())
    return {};
  if (C.ResultArgs.empty())
    return factsFor(C, Callee, Caller, {});
  return factsFor(C, Callee, Caller, resultsOf(U, Caller));
}

} // namespace rtcheck
