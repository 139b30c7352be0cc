//===- SitePruner.cpp - call sites that cannot run ------------------------===//
#include "rtcheck/link/SitePruner.h"

#include "rtcheck/link/ValueBits.h"

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
  case GuardAtom::AnyBit:
    return (V & K) != 0;
  case GuardAtom::NoBit:
    return (V & K) == 0;
  }
  llvm_unreachable("covered switch");
}

int atomParam(const GuardAtom &A) {
  if (A.Param >= 0)
    return A.Param;
  if (auto Difference = parseParamMinus(A.Var))
    return int(Difference->first);
  return -1;
}

SitePruner::SitePruner(CallGraph &G, std::map<std::string, int64_t> Assume)
    : G(G), Assume(std::move(Assume)) {
  for (NodeId U = 0; U < G.size(); ++U) {
    if (!G.node(U).hasBody())
      continue;
    for (const CallSite &C : G.node(U).Def->Calls) {
      if (C.Kind != CallKind::Direct)
        continue;
      NodeId T = G.find(C.Callee);
      if (T == NoNode || !G.node(T).hasBody())
        continue;
      for (const MemberLeftSet &Set : G.node(T).Def->LeavesNonNull)
        AfterCalls[U][memberAfterCallName(Set.Field, C.Callee, C.Loc)] = {&C, &Set};
    }
  }
}

bool SitePruner::leftNonNull(const MemberAfterCall &M, const EntryFacts &Entry) const {
  std::vector<unsigned> Used;
  for (const std::vector<GuardAtom> &Case : M.Set->When)
    for (const GuardAtom &A : Case)
      if (A.Param >= 0)
        Used.push_back(unsigned(A.Param));
  llvm::sort(Used);
  Used.erase(std::unique(Used.begin(), Used.end()), Used.end());
  EntryFacts Facts = factsPassedOn(Used, M.Call->ConstArgs, M.Call->ParamArgs, Entry);
  return any_of(M.Set->When, [&](const std::vector<GuardAtom> &Case) {
    return all_of(Case, [&](const GuardAtom &A) {
      std::optional<int64_t> V = valueOf(A, Facts, {});
      return V && guardAtomHolds(A.Op, *V, A.Value);
    });
  });
}

bool SitePruner::atomFalse(const GuardAtom &A, const EntryFacts &Entry,
                           const CallResults &Results, const AfterCallMap *After) const {
  if (Bits && Bits->impossible(A))
    return true;
  if (After && A.Param < 0)
    if (auto It = After->find(A.Var); It != After->end())
      return A.Op == GuardAtom::Eq && A.Value == 0 && leftNonNull(It->second, Entry);
  std::optional<int64_t> V = valueOf(A, Entry, Results);
  if (!V && A.Param < 0) {
    if (auto It = MemberValues.find(A.Var); It != MemberValues.end())
      return It->second.decides(A.Op, A.Value) == false;
    if (auto Difference = parseParamMinus(A.Var))
      return differenceFalse(A, *Difference, Entry);
  }
  return V && !guardAtomHolds(A.Op, *V, A.Value);
}

/// `p - x op K` (paramMinusName) cannot hold: p is known on entry and no value x can hold
/// satisfies it.
bool SitePruner::differenceFalse(const GuardAtom &A,
                                 const std::pair<unsigned, StringRef> &Difference,
                                 const EntryFacts &Entry) const {
  auto Param = find_if(Entry, [&](const auto &E) { return E.first == Difference.first; });
  std::optional<int64_t> Fixed;
  if (auto It = Assume.find(Difference.second.str()); It != Assume.end())
    Fixed = It->second;
  auto It = MemberValues.find(Difference.second.str());
  if (Param == Entry.end() || (!Fixed && It == MemberValues.end()))
    return false;
  // Small counts (levels) only: keep the subtraction from overflowing.
  constexpr int64_t Limit = int64_t(1) << 40;
  auto Holds = [&](int64_t X) {
    return std::abs(Param->second) < Limit && std::abs(X) < Limit &&
           guardAtomHolds(A.Op, Param->second - X, A.Value);
  };
  auto Unsure = [&](int64_t X) {
    return std::abs(Param->second) >= Limit || std::abs(X) >= Limit || Holds(X);
  };
  if (Fixed)
    return !Unsure(*Fixed);
  const MemberFacts &M = It->second;
  if (M.MayClear || M.MaySet)
    return false;
  if (M.MayDecrease) {
    // x may be anything up to its largest value: p - x anything down from p - max.
    int64_t Max = *max_element(M.Values);
    return (A.Op == GuardAtom::Lt || A.Op == GuardAtom::Le) && !Unsure(Max);
  }
  return none_of(M.Values, Unsure);
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

bool SitePruner::falsified(NodeId U, const std::vector<GuardClause> &Guards,
                           const EntryFacts &Entry, const CallResults &Results) const {
  auto It = AfterCalls.find(U);
  const AfterCallMap *After = It == AfterCalls.end() ? nullptr : &It->second;
  if (Entry.empty() && Assume.empty() && Results.empty() && !After && MemberValues.empty() &&
      !Bits)
    return false;
  // A clause is false when every atom is known and false; unknown atoms may hold.
  return any_of(Guards, [&](const GuardClause &Clause) {
    return all_of(Clause,
                  [&](const GuardAtom &A) { return atomFalse(A, Entry, Results, After); });
  });
}

bool SitePruner::ruledOut(NodeId U, const CallSite &C, const EntryFacts &Entry) {
  if (!C.StaticInit.empty() && StaticsReady.contains(U))
    return true;
  if (AfterFailedRaise.contains(&C))
    return true;
  if (C.Guards.empty())
    return false;
  return falsified(U, C.Guards, Entry, resultsOf(U, Entry));
}

const std::vector<unsigned> &SitePruner::usedParams(NodeId N) {
  auto [It, Inserted] = Used.try_emplace(N);
  if (!Inserted || !G.node(N).Def)
    return It->second;
  std::vector<unsigned> &P = It->second;
  for (const CallSite &C : G.node(N).Def->Calls) {
    for (const GuardClause &Clause : C.Guards)
      for (const GuardAtom &A : Clause)
        if (int Param = atomParam(A); Param >= 0)
          P.push_back(unsigned(Param));
    for (const auto &[Arg, Param] : C.ParamArgs)
      P.push_back(Param);
  }
  for (const ReturnSite &R : G.node(N).Def->Returns) {
    for (const GuardClause &Clause : R.Guards)
      for (const GuardAtom &A : Clause)
        if (int Param = atomParam(A); Param >= 0)
          P.push_back(unsigned(Param));
    if (R.Param >= 0)
      P.push_back(unsigned(R.Param));
  }
  // What member stores put and when (#10, modes; MemberValues.h).
  auto AddParams = [&](const std::vector<GuardClause> &Clauses) {
    for (const GuardClause &Clause : Clauses)
      for (const GuardAtom &A : Clause)
        if (int Param = atomParam(A); Param >= 0)
          P.push_back(unsigned(Param));
  };
  for (const MemberStore &S : G.node(N).Def->MemberStores) {
    if (S.Param >= 0)
      P.push_back(unsigned(S.Param));
    AddParams(S.Guards);
    if (S.OverwrittenWhen)
      AddParams(*S.OverwrittenWhen);
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
