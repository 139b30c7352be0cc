//===- SetupOrder.cpp - statics initialised before a root runs ------------===//
#include "rtcheck/link/SetupOrder.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>

using namespace llvm;

namespace rtcheck {
namespace {

/// How far up the callers and down the must-call chains the rule looks.
constexpr unsigned MaxCallerDepth = 6, MaxMustCallDepth = 4;

class SetupOrder {
public:
  SetupOrder(CallGraph &G, const RootsFound &Roots, const Reachability &Reach)
      : G(G), Roots(Roots), Reach(Reach) {}

  DenseSet<NodeId> run() {
    DenseSet<NodeId> Ready;
    std::vector<NodeId> Candidates;
    for (NodeId N = 0; N < G.size(); ++N)
      if (Reach.reached(N) && G.node(N).isUser() && any_of(G.node(N).Def->Calls, [&](auto &C) {
            return !C.StaticInit.empty() && Reach.live(C);
          }))
        Candidates.push_back(N);
    if (Candidates.empty())
      return Ready;
    indexCalls();
    for (NodeId F : Candidates)
      if (declaresStaticsUnconditionally(F) && readyForEveryRoot(F))
        Ready.insert(F);
    return Ready;
  }

private:
  using Site = std::pair<NodeId, const CallSite *>;

  void indexCalls() {
    std::map<std::string, unsigned> RootIndex;
    for (unsigned I = 0; I < Roots.Roots.size(); ++I)
      RootIndex.emplace(Roots.Roots[I].USR, I);
    for (NodeId N = 0; N < G.size(); ++N) {
      const Function *Body = G.node(N).Def;
      if (!Body)
        continue;
      for (const CallSite &C : Body->Calls) {
        for (NodeId T : G.targets(C))
          Callers[T].push_back({N, &C});
        if (C.Kind == CallKind::Indirect)
          continue;
        for (const auto &[Index, USR] : C.FunctionArgs)
          if (auto It = RootIndex.find(USR); It != RootIndex.end())
            Registrations[It->second].push_back({N, &C});
      }
    }
  }

  bool declaresStaticsUnconditionally(NodeId F) {
    return all_of(G.node(F).Def->Calls, [&](const CallSite &C) {
      return C.StaticInit.empty() || G.calleeName(C) != "__cxa_guard_acquire" ||
             C.Unconditional;
    });
  }

  bool readyForEveryRoot(NodeId F) {
    const BitVector &Reaching = Reach.rootsReaching(F);
    if (Reaching.none())
      return false;
    for (unsigned R : Reaching.set_bits()) {
      if (Roots.Roots[R].Origin != "registration")
        return false;
      auto It = Registrations.find(R);
      if (It == Registrations.end())
        return false;
      for (const Site &S : It->second) {
        auto [Memo, Inserted] = BeforeMemo.try_emplace(S.second);
        if (Inserted) {
          std::set<NodeId> InProgress;
          Memo->second = before(S.first, S.second, 0, InProgress);
        }
        if (!Memo->second.count(F))
          return false;
      }
    }
    return true;
  }

  /// Functions certainly called before the site S of M runs.
  std::set<NodeId> before(NodeId M, const CallSite *S, unsigned Depth,
                          std::set<NodeId> &InProgress) {
    std::set<NodeId> Result;
    for (const CallSite &D : G.node(M).Def->Calls) {
      if (&D == S)
        break;
      if (D.Unconditional && D.Kind == CallKind::Direct && D.StaticInit.empty())
        for (NodeId T : G.targets(D))
          mustCall(T, 0, Result);
    }
    if (Depth >= MaxCallerDepth || enteredFromOutside(M) || !InProgress.insert(M).second)
      return Result;
    auto It = Callers.find(M);
    if (It != Callers.end()) {
      std::optional<std::set<NodeId>> Common;
      for (const Site &Up : It->second) {
        std::set<NodeId> Via = before(Up.first, Up.second, Depth + 1, InProgress);
        if (!Common) {
          Common = std::move(Via);
          continue;
        }
        std::set<NodeId> Both;
        std::set_intersection(Common->begin(), Common->end(), Via.begin(), Via.end(),
                              std::inserter(Both, Both.begin()));
        Common = std::move(Both);
      }
      Result.insert(Common->begin(), Common->end());
    }
    InProgress.erase(M);
    return Result;
  }

  /// Adds T and every function T calls unconditionally, down the chain.
  void mustCall(NodeId T, unsigned Depth, std::set<NodeId> &Out) {
    if (G.classify(T).K != Classification::Follow || !Out.insert(T).second ||
        Depth >= MaxMustCallDepth)
      return;
    for (const CallSite &D : G.node(T).Def->Calls)
      if (D.Unconditional && D.Kind == CallKind::Direct && D.StaticInit.empty())
        for (NodeId U : G.targets(D))
          mustCall(U, Depth + 1, Out);
  }

  /// M may be called by code the call graph does not show: its callers are not all known.
  bool enteredFromOutside(NodeId M) const {
    const Node &N = G.node(M);
    if (!N.info().TypeKey.empty() || is_contained(Roots.Nodes, M))
      return true;
    return any_of(N.Overridden, [&](NodeId O) { return G.node(O).info().InSystemHeader; });
  }

  CallGraph &G;
  const RootsFound &Roots;
  const Reachability &Reach;
  DenseMap<NodeId, std::vector<Site>> Callers;
  DenseMap<unsigned, std::vector<Site>> Registrations;
  DenseMap<const CallSite *, std::set<NodeId>> BeforeMemo;
};

} // namespace

DenseSet<NodeId> staticsInitialisedAtSetup(CallGraph &G, const RootsFound &Roots,
                                           const Reachability &Reach) {
  return SetupOrder(G, Roots, Reach).run();
}

} // namespace rtcheck
