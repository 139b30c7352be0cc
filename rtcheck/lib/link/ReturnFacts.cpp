//===- ReturnFacts.cpp - constants through return values ------------------===//
//
// Part of SitePruner (#10, newcode; docs/constants.md): a direct call's
// result is known in a caller's context when every `return` of the callee that can run in the
// context the call gives it returns the same value (Summary.h ReturnSite). A callee without a
// body, an indirect or virtual call, a callee the rules describe, a return the extraction does
// not understand: the result stays unknown, and the guards that test it keep their branches.
//
//===----------------------------------------------------------------------===//
#include "rtcheck/link/SitePruner.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace rtcheck {

/// Calls whose results decide a caller's guards are followed this many callees down.
constexpr unsigned MaxReturnDepth = 4;

EntryFacts SitePruner::factsFor(const CallSite &C, NodeId Callee, const EntryFacts &Caller,
                                const CallResults &Known) {
  const std::vector<unsigned> &Used = usedParams(Callee);
  EntryFacts Out = factsPassedOn(Used, C.ConstArgs, C.ParamArgs, Caller);
  for (const auto &[Arg, Result] : C.ResultArgs) {
    auto It = Known.find(Result);
    if (It == Known.end() || !is_contained(Used, Arg) ||
        any_of(Out, [&](const auto &F) { return F.first == Arg; }))
      continue;
    Out.emplace_back(Arg, It->second);
  }
  llvm::sort(Out); // EntryFacts are sorted by parameter
  return Out;
}

const SitePruner::CallResults &SitePruner::resultsOf(NodeId U, const EntryFacts &Entry,
                                                     unsigned Depth) {
  static const CallResults None;
  const Function *Body = G.node(U).Def;
  if (!Body)
    return None;
  // Only bodies whose guards, arguments or returns read a call's result need any.
  auto [Reads, New] = ReadsResults.try_emplace(U, false);
  if (New) {
    auto IsResult = [](const GuardAtom &A) {
      return A.Param < 0 && StringRef(A.Var).starts_with("()");
    };
    auto Tests = [&](const std::vector<GuardClause> &Guards) {
      return any_of(Guards, [&](const GuardClause &Clause) { return any_of(Clause, IsResult); });
    };
    Reads->second =
        any_of(Body->Calls,
               [&](const CallSite &C) { return !C.ResultArgs.empty() || Tests(C.Guards); }) ||
        any_of(Body->Returns,
               [&](const ReturnSite &R) { return !R.Result.empty() || Tests(R.Guards); });
  }
  if (!Reads->second)
    return None;
  if (Depth > MaxReturnDepth) {
    auto Done = Results.find({U, Entry});
    return Done == Results.end() ? None : Done->second;
  }
  auto [It, Inserted] = Results.try_emplace({U, Entry});
  // A call cycle back to a body being evaluated finds what is known so far: less, never wrong.
  if (!Inserted)
    return It->second;
  CallResults Known;
  for (const CallSite &C : Body->Calls) {
    if (C.Kind != CallKind::Direct || G.skipped(C) || falsified(U, C.Guards, Entry, Known))
      continue;
    const std::vector<NodeId> &Targets = G.targets(C);
    if (Targets.size() != 1 || !G.node(Targets[0]).isUser() ||
        G.classify(Targets[0]).K != Classification::Follow)
      continue;
    NodeId T = Targets[0];
    if (std::optional<int64_t> V = returnedValue(T, factsFor(C, T, Entry, Known), Depth + 1))
      Known[callResultName(C.Callee, C.Loc)] = *V;
  }
  // The callees' evaluations may have added entries: std::map moved none, It stays valid.
  It->second = std::move(Known);
  return It->second;
}

/// The one value a member read returns, when the program's stores decide the member and every
/// value it can hold gives the same result (#10, modes).
std::optional<int64_t> SitePruner::memberReturned(const ReturnSite &R) const {
  auto It = MemberValues.find(R.Member);
  if (It == MemberValues.end())
    return std::nullopt;
  const MemberFacts &M = It->second;
  if (M.MayDecrease)
    return std::nullopt;
  if (M.MayClear || M.MaySet) {
    // Only a bit test converted to bool is decided by bits.
    if (!R.Mask || !R.ToBool)
      return std::nullopt;
    std::optional<bool> Any = M.decides(GuardAtom::AnyBit, R.Mask);
    return Any ? std::optional<int64_t>(*Any) : std::nullopt;
  }
  std::optional<int64_t> Out;
  for (int64_t V : M.Values) {
    if (R.Mask)
      V &= R.Mask;
    if (R.ToBool)
      V = V != 0;
    if (Out && *Out != V)
      return std::nullopt;
    Out = V;
  }
  return Out;
}

std::optional<int64_t> SitePruner::returnedValue(NodeId Callee, const EntryFacts &Entry,
                                                 unsigned Depth) {
  const Function *Body = G.node(Callee).Def;
  if (!Body || Body->Returns.empty() || Depth > MaxReturnDepth)
    return std::nullopt;
  const CallResults &Known = resultsOf(Callee, Entry, Depth);
  std::optional<int64_t> Value;
  for (const ReturnSite &R : Body->Returns) {
    if (falsified(Callee, R.Guards, Entry, Known))
      continue;
    std::optional<int64_t> V = R.Constant;
    if (!V && R.Param >= 0)
      if (auto F = find_if(Entry, [&](const auto &E) { return E.first == unsigned(R.Param); });
          F != Entry.end())
        V = F->second;
    if (!V && !R.Result.empty())
      if (auto K = Known.find(R.Result); K != Known.end())
        V = K->second;
    if (!V && !R.Member.empty())
      V = memberReturned(R);
    if (!V || (Value && *Value != *V))
      return std::nullopt;
    Value = V;
  }
  return Value;
}

} // namespace rtcheck
