//===- SetupOrder.cpp - statics initialised before a root runs ------------===//
#include "rtcheck/link/SetupOrder.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

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
  SetupOrder(CallGraph &G, ArrayRef<Summary> Summaries, const RootsFound &Roots,
             const Reachability &Reach)
      : G(G), Roots(Roots), Reach(Reach) {
    for (const Summary &S : Summaries)
      for (const std::string &USR : S.InitialiserCalls)
        if (NodeId N = G.find(USR); N != NoNode)
          CalledBeforeMain.insert(N);
  }

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
      // Every constructor counts, with a body or not (an implicit one the program calls).
      if (StringRef Class = G.node(N).info().Constructs; !Class.empty())
        ConstructorsOf[Class].push_back(N);
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
    return all_of(Reaching.set_bits(), [&](unsigned R) {
      return readyBeforeObjects(R, F) || readyBeforeRegistrations(R, F);
    });
  }

  /// Every call that passes root R's address is preceded by a call that must reach F.
  bool readyBeforeRegistrations(unsigned R, NodeId F) {
    // A thread's start routine runs only once the creating call has passed its address.
    if (Roots.Roots[R].Origin != "registration" && Roots.Roots[R].Origin != "thread")
      return false;
    auto It = Registrations.find(R);
    return It != Registrations.end() &&
           all_of(It->second, [&](const Site &S) { return beforeSite(S).count(F); });
  }

  /// Root R is a virtual method: nothing can call it before an object of its class exists, so
  /// F is ready when a call that must reach F precedes every entry into the class's
  /// constructors (derived classes' constructors enter them too). Objects made outside the
  /// program, or by a constructor no call of the program enters (a global's initialiser), leave
  /// the order unknown.
  bool readyBeforeObjects(unsigned R, NodeId F) {
    StringRef Class = G.node(Roots.Nodes[R]).info().Class;
    if (Class.empty() || G.createdOutside(Class))
      return false;
    auto It = ConstructorsOf.find(Class);
    if (It == ConstructorsOf.end())
      return false;
    return all_of(It->second, [&](NodeId Ctor) {
      auto Up = Callers.find(Ctor);
      return Up != Callers.end() && !enteredFromOutside(Ctor) &&
             all_of(Up->second, [&](const Site &S) { return beforeSite(S).count(F); });
    });
  }

  const std::set<NodeId> &beforeSite(const Site &S) {
    auto [Memo, Inserted] = BeforeMemo.try_emplace(S.second);
    if (Inserted) {
      std::set<NodeId> InProgress;
      Memo->second = before(S.first, S.second, 0, InProgress);
    }
    return Memo->second;
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

  /// M may be called by code the call graph does not show (including a global's initialiser,
  /// before main): its callers are not all known.
  bool enteredFromOutside(NodeId M) const {
    const Node &N = G.node(M);
    if (!N.info().TypeKey.empty() || is_contained(Roots.Nodes, M) || CalledBeforeMain.contains(M))
      return true;
    return any_of(N.Overridden, [&](NodeId O) { return G.node(O).info().InSystemHeader; });
  }

  CallGraph &G;
  const RootsFound &Roots;
  const Reachability &Reach;
  DenseMap<NodeId, std::vector<Site>> Callers;
  DenseMap<unsigned, std::vector<Site>> Registrations;
  StringMap<std::vector<NodeId>> ConstructorsOf; ///< by the class's USR
  DenseSet<NodeId> CalledBeforeMain; ///< by the initialisers of globals
  DenseMap<const CallSite *, std::set<NodeId>> BeforeMemo;
};

} // namespace

DenseSet<NodeId> staticsInitialisedAtSetup(CallGraph &G, ArrayRef<Summary> Summaries,
                                           const RootsFound &Roots, const Reachability &Reach) {
  return SetupOrder(G, Summaries, Roots, Reach).run();
}

} // namespace rtcheck
