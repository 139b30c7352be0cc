//===- ThreadWrapperCallers.cpp - real-time threads decided by a wrapper's callers ----===//
#include "rtcheck/link/ThreadWrapperCallers.h"

#include "rtcheck/link/AddressFlow.h"
#include "rtcheck/link/SitePruner.h"
#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace rtcheck {
namespace {

/// Some clause of Guards is false whatever the rest of the program does, given the constant
/// arguments of the call S that enters the guarded function: every atom of the clause tests a
/// parameter S passes a constant for, and none holds. Other atoms (locals, call results,
/// members) are unknown here and keep the clause alive.
bool falsifiedBy(ArrayRef<GuardClause> Guards, const CallSite &S) {
  auto Constant = [&](int Param) -> std::optional<int64_t> {
    for (const auto &[I, V] : S.ConstArgs)
      if (Param >= 0 && I == unsigned(Param))
        return V;
    return std::nullopt;
  };
  return any_of(Guards, [&](const GuardClause &Clause) {
    return !Clause.empty() && all_of(Clause, [&](const GuardAtom &A) {
      std::optional<int64_t> V = A.Var.empty() ? Constant(A.Param) : std::nullopt;
      return V && !guardAtomHolds(A.Op, *V, A.Value);
    });
  });
}

/// The functions a call passes in any argument: named there or flowing from the caller's slots.
std::set<NodeId> functionsPassed(const CallGraph &G, const CallSite &S) {
  std::set<NodeId> Out;
  auto Add = [&](unsigned Index) {
    for (NodeId N : G.flow().argumentValues(S, Index))
      Out.insert(N);
  };
  for (const auto &[I, USR] : S.FunctionArgs)
    Add(I);
  for (const auto &[I, Key] : S.ArgSlots)
    Add(I);
  return Out;
}

/// What the indirect calls of Id's body can reach (a trampoline's `t->run(t->arg)`).
std::set<NodeId> indirectTargets(const CallGraph &G, NodeId Id) {
  std::set<NodeId> Out;
  if (!G.node(Id).hasBody())
    return Out;
  for (const CallSite &C : G.node(Id).info().Calls)
    if (C.Kind == CallKind::Indirect)
      for (NodeId N : G.flow().targets(C, G.takenOfType(C)))
        Out.insert(N);
  return Out;
}

} // namespace

std::optional<std::set<NodeId>>
realtimeStartsByCaller(const CallGraph &G, ArrayRef<Summary> Summaries,
                       const DenseSet<NodeId> *Live, NodeId Wrapper,
                       ArrayRef<const CallSite *> Policies, ArrayRef<NodeId> Entries) {
  // The functions that real-time and other callers hand to the wrapper.
  std::set<NodeId> Realtime, Other;
  bool SomeOther = false, SomeRealtime = false;
  for (const Summary &Sum : Summaries)
    for (const Function &F : Sum.Functions) {
      if (!F.HasBody || (Live && !Live->contains(G.find(F.USR))))
        continue;
      for (const CallSite &S : F.Calls) {
        if (S.Kind != CallKind::Direct || G.find(S.Callee) != Wrapper)
          continue;
        bool IsRealtime =
            any_of(Policies, [&](const CallSite *P) { return !falsifiedBy(P->Guards, S); });
        SomeOther |= !IsRealtime;
        SomeRealtime |= IsRealtime;
        std::set<NodeId> Passed = functionsPassed(G, S);
        (IsRealtime ? Realtime : Other).insert(Passed.begin(), Passed.end());
      }
    }
  if (!SomeOther)
    return std::nullopt;
  // No caller asks for a real-time thread (`w.start()` with `bool realtime = false`): none is
  // started, in a program whose entries the walk knows (Live) and where nothing calls the
  // wrapper through its address or from a library.
  const Node &W = G.node(Wrapper);
  if (!SomeRealtime && Live && W.info().TypeKey.empty() && !W.info().isRoot() &&
      none_of(W.Overridden, [&](NodeId O) { return G.node(O).info().InSystemHeader; }))
    return std::set<NodeId>{};

  std::set<NodeId> Out;
  for (NodeId Entry : Entries) {
    if (Realtime.count(Entry) || Other.count(Entry)) {
      // The start routine is the wrapper's parameter: real-time when a real-time caller gave it.
      if (Realtime.count(Entry))
        Out.insert(Entry);
      continue;
    }
    // A fixed start routine: a trampoline when it calls what the callers handed in.
    std::set<NodeId> Calls = indirectTargets(G, Entry);
    bool Trampoline = any_of(Calls, [&](NodeId N) { return Realtime.count(N) || Other.count(N); });
    if (!Trampoline) {
      Out.insert(Entry);
      continue;
    }
    // What only non-real-time callers handed in stays out; what reaches the field from
    // elsewhere is kept.
    for (NodeId N : Calls)
      if (Realtime.count(N) || !Other.count(N))
        Out.insert(N);
  }
  return Out;
}

} // namespace rtcheck
