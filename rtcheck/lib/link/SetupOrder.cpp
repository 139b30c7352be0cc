//===- SetupOrder.cpp - statics initialised before a root runs ------------===//
#include "rtcheck/link/SetupOrder.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <map>
#include <set>
#include <tuple>

using namespace llvm;

namespace rtcheck {
namespace {

/// How far up the callers and down the must-call chains the rule looks.
constexpr unsigned MaxCallerDepth = 6, MaxMustCallDepth = 8;

class SetupOrder {
public:
  SetupOrder(CallGraph &G, ArrayRef<Summary> Summaries, const RootsFound &Roots,
             const Reachability &Reach)
      : G(G), Summaries(Summaries), Roots(Roots), Reach(Reach) {
    for (const Summary &S : Summaries) {
      for (const std::string &USR : S.InitialiserCalls)
        if (NodeId N = G.find(USR); N != NoNode)
          CalledBeforeMain.insert(N);
      for (const std::string &USR : S.BeforeMainCalls)
        if (NodeId N = G.find(USR); N != NoNode)
          GlobalInitialisers.push_back(N);
    }
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
    indexCalls(Summaries);
    for (NodeId F : Candidates)
      if (declaresStaticsUnconditionally(F) && readyForEveryRoot(F))
        Ready.insert(F);
    return Ready;
  }

private:
  /// A place in a body: the body and how many of its calls (a prefix) run before the place.
  using Point = std::pair<NodeId, unsigned>;

  void indexCalls(ArrayRef<Summary> Summaries) {
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
      for (unsigned I = 0; I < Body->Calls.size(); ++I) {
        const CallSite &C = Body->Calls[I];
        for (NodeId T : G.targets(C))
          Callers[T].push_back({N, I});
        if (C.Kind == CallKind::Indirect)
          continue;
        for (const auto &[Index, USR] : C.FunctionArgs)
          if (auto It = RootIndex.find(USR); It != RootIndex.end())
            Registrations[It->second].push_back({N, I});
      }
    }
    for (const Summary &S : Summaries) {
      for (const FieldStore &FS : S.FieldStores)
        if (NodeId N = G.find(FS.USR); N != NoNode)
          StoredInField.insert(N);
      for (const AddressTakenAt &A : S.AddressesTakenAt) {
        NodeId N = G.find(A.USR);
        if (N == NoNode)
          continue;
        NodeId In = A.InBody.empty() ? NoNode : G.find(A.InBody);
        if (In == NoNode || !G.node(In).Def)
          TakenAnywhere.insert(N);
        else
          TakenAt[N].push_back({In, callsBefore(*G.node(In).Def, A.Loc)});
      }
    }
  }

  /// How many of Body's first calls lie before L in the source: they ran before the place L.
  static unsigned callsBefore(const Function &Body, const SourceLoc &L) {
    unsigned I = 0;
    for (const CallSite &C : Body.Calls) {
      if (C.Loc.File != L.File || std::tie(C.Loc.Line, C.Loc.Column) >= std::tie(L.Line, L.Column))
        break;
      ++I;
    }
    return I;
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

  /// Every place that hands root R out is preceded by a call that must reach F. The hand-outs
  /// are the calls passing R's address and every place that takes it (a struct field store
  /// before the call that registers the struct); an address taken outside every body (a
  /// global's initialiser, before main) leaves the order unknown.
  bool readyBeforeRegistrations(unsigned R, NodeId F) {
    // A thread's start routine runs only once the creating call has passed its address.
    if (Roots.Roots[R].Origin != "registration" && Roots.Roots[R].Origin != "thread")
      return false;
    NodeId Root = Roots.Nodes[R];
    auto Calls = Registrations.find(R);
    // Roots by name (interrupt vectors) are entered without any hand-out: only a registration
    // call, or a store into a struct field, makes the root one that is handed out.
    if ((Calls == Registrations.end() && !StoredInField.contains(Root)) ||
        TakenAnywhere.contains(Root))
      return false;
    std::vector<Point> HandOuts;
    if (Calls != Registrations.end())
      llvm::append_range(HandOuts, Calls->second);
    if (auto It = TakenAt.find(Root); It != TakenAt.end())
      llvm::append_range(HandOuts, It->second);
    return !HandOuts.empty() &&
           all_of(HandOuts, [&](const Point &P) { return beforePoint(P).count(F); });
  }

  /// Root R is a virtual method: nothing can call it before an object of its class exists, so
  /// F is ready when a call that must reach F precedes every entry into the class's
  /// constructors (derived classes' constructors enter them too).
  bool readyBeforeObjects(unsigned R, NodeId F) {
    StringRef Class = G.node(Roots.Nodes[R]).info().Class;
    if (Class.empty())
      return false;
    std::set<NodeId> InProgress;
    return objectsBefore(Class, 0, InProgress).count(F);
  }

  const std::set<NodeId> &beforePoint(const Point &P) {
    auto [Memo, Inserted] = BeforeMemo.try_emplace(P);
    if (Inserted) {
      std::set<NodeId> InProgress;
      Memo->second = before(P.first, P.second, 0, InProgress);
    }
    return Memo->second;
  }

  /// Functions certainly called before the place of M after its first End calls runs.
  std::set<NodeId> before(NodeId M, unsigned End, unsigned Depth, std::set<NodeId> &InProgress) {
    std::set<NodeId> Result;
    const std::vector<CallSite> &Calls = G.node(M).Def->Calls;
    for (unsigned I = 0; I < End && I < Calls.size(); ++I) {
      const CallSite &D = Calls[I];
      if (certainlyRan(*G.node(M).Def, D))
        for (NodeId T : G.targets(D))
          mustCall(T, 0, Result);
    }
    // The initialisers of globals ran before `main` (sfizz's `sfz::Sfizz synth;`).
    if (G.node(M).info().Name == "main" && !G.node(M).info().InSystemHeader)
      for (NodeId T : GlobalInitialisers)
        mustCall(T, 0, Result);
    if (Depth >= MaxCallerDepth || !InProgress.insert(M).second)
      return Result;
    // A method runs on an object: after a constructor of its class was entered, whoever calls
    // the method (callers the graph does not show, a retry calling itself).
    if (StringRef Class = G.node(M).info().ThisClass; !Class.empty()) {
      std::set<NodeId> Made = objectsBefore(Class, Depth + 1, InProgress);
      Result.insert(Made.begin(), Made.end());
    }
    if (!enteredFromOutside(M))
      if (auto It = Callers.find(M); It != Callers.end()) {
        std::vector<std::set<NodeId>> Paths;
        for (const Point &Up : It->second)
          Paths.push_back(before(Up.first, Up.second, Depth + 1, InProgress));
        std::set<NodeId> Common = intersection(Paths);
        Result.insert(Common.begin(), Common.end());
      }
    InProgress.erase(M);
    return Result;
  }

  /// Functions certainly called before every entry into a constructor of Class. Objects made
  /// outside the program, or by a constructor no call of the program enters (a global's
  /// initialiser), leave the order unknown.
  std::set<NodeId> objectsBefore(StringRef Class, unsigned Depth, std::set<NodeId> &InProgress) {
    if (Depth >= MaxCallerDepth || G.createdOutside(Class))
      return {};
    auto It = ConstructorsOf.find(Class);
    if (It == ConstructorsOf.end())
      return {};
    std::vector<std::set<NodeId>> Paths;
    for (NodeId Ctor : It->second) {
      auto Up = Callers.find(Ctor);
      if (Up == Callers.end() || enteredFromOutside(Ctor))
        return {};
      for (const Point &P : Up->second)
        Paths.push_back(before(P.first, P.second, Depth, InProgress));
    }
    return intersection(Paths);
  }

  static std::set<NodeId> intersection(ArrayRef<std::set<NodeId>> Sets) {
    if (Sets.empty())
      return {};
    std::set<NodeId> Common = Sets.front();
    for (const std::set<NodeId> &S : Sets.drop_front()) {
      std::set<NodeId> Both;
      std::set_intersection(Common.begin(), Common.end(), S.begin(), S.end(),
                            std::inserter(Both, Both.begin()));
      Common = std::move(Both);
    }
    return Common;
  }

  /// Adds T and every function T calls unconditionally, down the chain.
  void mustCall(NodeId T, unsigned Depth, std::set<NodeId> &Out) {
    if (G.classify(T).K != Classification::Follow || !Out.insert(T).second ||
        Depth >= MaxMustCallDepth)
      return;
    for (const CallSite &D : G.node(T).Def->Calls)
      if (certainlyRan(*G.node(T).Def, D))
        for (NodeId U : G.targets(D))
          mustCall(U, Depth + 1, Out);
  }

  /// Once Body has run past D, D has run: an unconditional direct call, or one its static's
  /// initialisation always makes when the declaration always runs (in this call or an earlier
  /// one: `static Engine e; register(cb);` in main).
  bool certainlyRan(const Function &Body, const CallSite &D) const {
    if (!D.Unconditional || D.Kind != CallKind::Direct)
      return false;
    if (D.StaticInit.empty())
      return true;
    return any_of(Body.Calls, [&](const CallSite &Guard) {
      return Guard.StaticInit == D.StaticInit && Guard.Unconditional &&
             G.calleeName(Guard) == "__cxa_guard_acquire";
    });
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
  ArrayRef<Summary> Summaries;
  const RootsFound &Roots;
  const Reachability &Reach;
  DenseMap<NodeId, std::vector<Point>> Callers;
  DenseMap<unsigned, std::vector<Point>> Registrations;
  DenseMap<NodeId, std::vector<Point>> TakenAt; ///< places in bodies taking a function's address
  DenseSet<NodeId> TakenAnywhere;              ///< address taken outside every known body
  DenseSet<NodeId> StoredInField;              ///< stored into a struct field somewhere
  StringMap<std::vector<NodeId>> ConstructorsOf; ///< by the class's USR
  DenseSet<NodeId> CalledBeforeMain; ///< by the initialisers of globals
  std::vector<NodeId> GlobalInitialisers; ///< what the initialisers of globals always call
  std::map<Point, std::set<NodeId>> BeforeMemo;
};

} // namespace

DenseSet<NodeId> staticsInitialisedAtSetup(CallGraph &G, ArrayRef<Summary> Summaries,
                                           const RootsFound &Roots, const Reachability &Reach) {
  return SetupOrder(G, Summaries, Roots, Reach).run();
}

} // namespace rtcheck
