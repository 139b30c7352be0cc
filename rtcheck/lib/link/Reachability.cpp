//===- Reachability.cpp - what the roots reach ----------------------------===//
#include "rtcheck/link/Reachability.h"

#include "llvm/ADT/STLExtras.h"

#include <deque>

using namespace llvm;

namespace rtcheck {

/// A function is walked in at most this many entry contexts; beyond, in the empty one.
constexpr size_t MaxEntryContexts = 8;

Reachability::Reachability(CallGraph &G, const RootsFound &Roots, SitePruner *Pruner,
                           bool EveryBody)
    : G(G), Roots(Roots), Pruner(Pruner), EveryBody(EveryBody), EntryContexts(1) {
  std::vector<NodeId> Reached;
  std::vector<std::vector<NodeId>> Succ(G.size());
  walk(Reached, Succ);
  for (NodeId U : Reached)
    if (G.node(U).hasBody())
      ++ReachableFunctions;
  propagateRootSets(Reached, Succ);
}

unsigned Reachability::entryContext(EntryFacts Facts) {
  if (Facts.empty())
    return 0;
  auto [It, Inserted] = EntryContextIds.try_emplace(std::move(Facts), EntryContexts.size());
  if (Inserted)
    EntryContexts.push_back(It->first);
  return It->second;
}

void Reachability::walk(std::vector<NodeId> &Reached, std::vector<std::vector<NodeId>> &Succ) {
  Par.assign(G.size(), Parent{NoNode, nullptr, Unreached});
  NearestRoot.assign(G.size(), 0);
  // A function is walked once per entry context (SitePruner.h); the empty context subsumes all.
  Entered.assign(G.size(), {});
  auto Enter = [&](NodeId T, unsigned Ctx) {
    SmallVector<unsigned, 1> &E = Entered[T];
    if (E.size() >= MaxEntryContexts)
      Ctx = 0;
    if (is_contained(E, 0u) || is_contained(E, Ctx))
      return false;
    E.push_back(Ctx);
    return true;
  };
  std::deque<std::pair<NodeId, unsigned>> Queue;
  for (unsigned I = 0; I < Roots.Nodes.size(); ++I) {
    NodeId Start = Roots.Nodes[I];
    if (Par[Start].Depth == Unreached) {
      Par[Start] = Parent{NoNode, nullptr, 0};
      NearestRoot[Start] = I;
      Reached.push_back(Start);
    }
    if (Enter(Start, 0))
      Queue.push_back({Start, 0});
  }
  DenseSet<const CallSite *> Seen;
  while (!Queue.empty()) {
    auto [U, Ctx] = Queue.front();
    Queue.pop_front();
    const Function *Body = G.node(U).Def;
    if (!Body)
      continue;
    for (const CallSite &C : Body->Calls) {
      // A call on a path that ends the program is not followed (docs/analyzer.md).
      if (G.skipped(C))
        continue;
      Seen.insert(&C);
      if (Pruner && Pruner->ruledOut(U, C, EntryContexts[Ctx]))
        continue;
      Live.insert(&C);
      for (NodeId T : G.targets(C)) {
        if (G.classify(T).K != Classification::Follow && !(EveryBody && G.node(T).hasBody()))
          continue;
        Succ[U].push_back(T);
        unsigned TCtx = Pruner ? entryContext(Pruner->calleeFacts(U, C, T, EntryContexts[Ctx])) : 0;
        if (!Enter(T, TCtx))
          continue;
        Queue.push_back({T, TCtx});
        if (Par[T].Depth != Unreached)
          continue;
        Par[T] = Parent{U, &C, Par[U].Depth + 1};
        NearestRoot[T] = NearestRoot[U];
        Reached.push_back(T);
      }
    }
  }
  PrunedSites = Seen.size() - Live.size();
}

std::vector<EntryFacts> Reachability::entryContextsOf(NodeId U) const {
  std::vector<EntryFacts> Out;
  for (unsigned Ctx : Entered[U])
    Out.push_back(EntryContexts[Ctx]);
  return Out;
}

unsigned Reachability::contextIndex(StringRef Context) {
  auto [It, Inserted] = ContextIndex.try_emplace(Context, ContextNames.size());
  if (Inserted)
    ContextNames.push_back(Context.str());
  return It->second;
}

void Reachability::propagateRootSets(const std::vector<NodeId> &Reached,
                                     const std::vector<std::vector<NodeId>> &Succ) {
  const size_t N = G.size(), R = Roots.Roots.size();
  RootSet.assign(N, BitVector());
  ContextMask.assign(N, 0);
  // Tarjan's algorithm, iteratively; components come out sinks first.
  constexpr unsigned Unset = ~0u;
  std::vector<unsigned> Index(N, Unset), Low(N, 0), Component(N, Unset);
  std::vector<char> OnStack(N, 0);
  std::vector<NodeId> Stack;
  std::vector<std::pair<NodeId, size_t>> Frames;
  std::vector<std::vector<NodeId>> Components;
  unsigned Counter = 0;
  auto Enter = [&](NodeId V) {
    Index[V] = Low[V] = Counter++;
    Stack.push_back(V);
    OnStack[V] = 1;
    Frames.push_back({V, 0});
  };
  for (NodeId Start : Reached) {
    if (Index[Start] != Unset)
      continue;
    Enter(Start);
    while (!Frames.empty()) {
      NodeId V = Frames.back().first;
      size_t &Next = Frames.back().second;
      if (Next < Succ[V].size()) {
        NodeId W = Succ[V][Next++];
        if (Index[W] == Unset)
          Enter(W);
        else if (OnStack[W])
          Low[V] = std::min(Low[V], Index[W]);
        continue;
      }
      if (Low[V] == Index[V]) {
        std::vector<NodeId> Members;
        NodeId W;
        do {
          W = Stack.back();
          Stack.pop_back();
          OnStack[W] = 0;
          Component[W] = Components.size();
          Members.push_back(W);
        } while (W != V);
        Components.push_back(std::move(Members));
      }
      Frames.pop_back();
      if (!Frames.empty())
        Low[Frames.back().first] = std::min(Low[Frames.back().first], Low[V]);
    }
  }
  std::vector<BitVector> Incoming(Components.size(), BitVector(R));
  std::vector<uint64_t> IncomingMask(Components.size(), 0);
  for (unsigned I = 0; I < R; ++I) {
    unsigned C = Component[Roots.Nodes[I]];
    Incoming[C].set(I);
    IncomingMask[C] |= contextBit(contextIndex(Roots.Roots[I].Context));
  }
  // Topological order: sources first.
  for (size_t K = Components.size(); K-- > 0;) {
    for (NodeId U : Components[K]) {
      RootSet[U] = Incoming[K];
      ContextMask[U] = IncomingMask[K];
    }
    for (NodeId U : Components[K])
      for (NodeId T : Succ[U])
        if (unsigned C = Component[T]; C != K) {
          Incoming[C] |= Incoming[K];
          IncomingMask[C] |= IncomingMask[K];
        }
    Incoming[K].clear();
  }
}

std::vector<ChainStep> Reachability::chainTo(NodeId U) const {
  std::vector<ChainStep> Steps;
  for (NodeId Cur = U; Par[Cur].From != NoNode; Cur = Par[Cur].From)
    Steps.push_back(G.step(Cur, *Par[Cur].Via));
  const Root &R = Roots.Roots[NearestRoot[U]];
  Steps.push_back({R.Function, R.Loc, false, rootNote(R.Context, R.Origin)});
  std::reverse(Steps.begin(), Steps.end());
  return Steps;
}

const std::vector<Effect> &LibraryEffects::of(NodeId Start) {
  auto [It, Inserted] = Cache.try_emplace(Start);
  if (!Inserted)
    return It->second;
  // A body is walked in one of two states: whether an exception thrown there would leave a
  // noexcept function before any handler and so end the program (a throw on the way out of
  // `~unique_lock`'s `unlock()` is std::terminate, not a hazard the callback can survive).
  using Key = uint64_t;
  auto KeyOf = [](NodeId N, bool Ending) { return (Key(N) << 1) | Key(Ending); };
  struct Parent {
    Key From = ~Key(0);
    const CallSite *Via = nullptr;
  };
  std::map<Category, Effect> ByCat;
  DenseMap<Key, Parent> P;
  P[KeyOf(Start, false)] = Parent{};
  std::deque<Key> Queue{KeyOf(Start, false)};
  auto Steps = [&](Key K) {
    std::vector<ChainStep> S;
    for (Key Cur = K; P[Cur].From != ~Key(0); Cur = P[Cur].From)
      S.push_back(G.step(NodeId(Cur >> 1), *P[Cur].Via));
    std::reverse(S.begin(), S.end());
    return S;
  };
  while (!Queue.empty()) {
    Key K = Queue.front();
    Queue.pop_front();
    NodeId U = NodeId(K >> 1);
    const Function *Body = G.node(U).Def;
    if (!Body)
      continue;
    for (const CallSite &C : Body->Calls) {
      // A user-written expression inside a generated function (a default member initialiser)
      // is a site of its own.
      if (!C.InSystemHeader || G.skipped(C))
        continue;
      bool Ending = ((K & 1) || C.ThrowEndsProgram) && G.hidesEndingThrows();
      const std::vector<NodeId> &Ts = G.targets(C);
      if (Ts.empty() && C.Kind != CallKind::Direct && !ByCat.count(Category::Indirect)) {
        std::string Name = C.Kind == CallKind::Indirect ? C.Callee : G.calleeName(C);
        ByCat.emplace(Category::Indirect,
                      Effect{Category::Indirect, unresolvedLeaf(C.Kind, Name), nullptr, Steps(K)});
      }
      for (NodeId T : Ts) {
        const Classification &Cls = G.classify(T);
        if (Cls.K == Classification::Leaf && !G.exempt(Cls, C) && !ByCat.count(Cls.Cat) &&
            !(Ending && Cls.Cat == Category::Exception)) {
          std::vector<ChainStep> S = Steps(K);
          S.push_back(G.step(T, C));
          ByCat.emplace(Cls.Cat, Effect{Cls.Cat, G.node(T).info().Name, Cls.Rule, std::move(S)});
        }
        // Library code calling back into user code stops here: that user function is
        // reachable in its own right and reports its own sites. A body with a handler may
        // catch what is thrown below it.
        Key Next = KeyOf(T, Ending && !G.node(T).info().Catches);
        if (Cls.K == Classification::Follow && !G.node(T).isUser() && !P.count(Next)) {
          P[Next] = Parent{K, &C};
          Queue.push_back(Next);
        }
      }
    }
  }
  for (auto &KV : ByCat)
    It->second.push_back(std::move(KV.second));
  return It->second;
}

} // namespace rtcheck
