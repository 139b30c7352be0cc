//===- Reachability.h - what the roots reach --------------------*- C++ -*-===//
//
// Part three of the link step. One breadth-first walk from all roots at once gives every
// reachable function its shortest chain; the sets of roots and contexts reaching each function
// are then propagated over the strongly connected components in topological order. Linear in the
// graph, times roots/64. LibraryEffects answers the second question a finding needs: what a call
// into library code can reach before control returns to user code.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_REACHABILITY_H
#define RTCHECK_LINK_REACHABILITY_H

#include "rtcheck/link/Roots.h"
#include "rtcheck/link/SitePruner.h"
#include "llvm/ADT/BitVector.h"

namespace rtcheck {

class Reachability {
public:
  /// Without a pruner every call site of a reached body is followed. EveryBody: also enter the
  /// bodies that rules describe (what the program runs, EntryReach.h), with the caller's facts.
  Reachability(CallGraph &G, const RootsFound &Roots, SitePruner *Pruner = nullptr,
               bool EveryBody = false);

  bool reached(NodeId U) const { return Par[U].Depth != Unreached; }
  /// Reached functions that have a body.
  unsigned reachableFunctions() const { return ReachableFunctions; }
  /// The shortest chain from a root to U, root first, ending at U.
  std::vector<ChainStep> chainTo(NodeId U) const;
  /// Every root reaching U, as indices into the roots.
  const llvm::BitVector &rootsReaching(NodeId U) const { return RootSet[U]; }
  /// Every context reaching U: the names in contextNames() whose bit is set.
  uint64_t contextMask(NodeId U) const { return ContextMask[U]; }
  llvm::ArrayRef<std::string> contextNames() const { return ContextNames; }
  /// The bit of context I in a mask (more than 64 contexts share the last bit).
  static uint64_t contextBit(unsigned I) { return uint64_t(1) << std::min(I, 63u); }
  /// The site of a reached body can run in some entry context (SitePruner.h).
  bool live(const CallSite &C) const { return Live.contains(&C); }
  /// Call sites of reached bodies that no entry context lets run.
  unsigned prunedSites() const { return PrunedSites; }
  /// The entry contexts U was walked in (an empty one: nothing known; #10, modes).
  std::vector<EntryFacts> entryContextsOf(NodeId U) const;

private:
  struct Parent {
    NodeId From = NoNode;
    const CallSite *Via = nullptr;
    unsigned Depth = 0;
  };
  static constexpr unsigned Unreached = ~0u;

  void walk(std::vector<NodeId> &Reached, std::vector<std::vector<NodeId>> &Succ);
  void propagateRootSets(const std::vector<NodeId> &Reached,
                         const std::vector<std::vector<NodeId>> &Succ);
  unsigned contextIndex(llvm::StringRef Context);
  unsigned entryContext(EntryFacts Facts);

  CallGraph &G;
  const RootsFound &Roots;
  std::vector<Parent> Par;              ///< shortest-chain parent; Depth == Unreached: not reached
  std::vector<unsigned> NearestRoot;    ///< the root that shortest chain starts from
  std::vector<llvm::BitVector> RootSet; ///< every root reaching each function
  std::vector<uint64_t> ContextMask;    ///< every context reaching each function
  llvm::StringMap<unsigned> ContextIndex;
  std::vector<std::string> ContextNames;
  unsigned ReachableFunctions = 0;
  SitePruner *Pruner;
  bool EveryBody;
  llvm::DenseSet<const CallSite *> Live;
  std::vector<EntryFacts> EntryContexts; ///< interned; 0: nothing known
  std::map<EntryFacts, unsigned> EntryContextIds;
  unsigned PrunedSites = 0;
  std::vector<llvm::SmallVector<unsigned, 1>> Entered; ///< entry contexts walked, per function
};

/// Something blocking that a call can reach inside library code.
struct Effect {
  Category Cat;
  std::string Leaf;
  const FunctionRule *Rule = nullptr;
  /// Library steps from the callee to the leaf: (function entered, call location).
  std::vector<ChainStep> Steps;
};

class LibraryEffects {
public:
  explicit LibraryEffects(CallGraph &G) : G(G) {}
  /// Memoised: what a call into the library function Start can reach before it returns to user
  /// code. One effect per category, each with the shortest path found.
  const std::vector<Effect> &of(NodeId Start);

private:
  CallGraph &G;
  llvm::DenseMap<NodeId, std::vector<Effect>> Cache;
};

} // namespace rtcheck

#endif
