//===- Link.cpp - whole-program reachability and findings -----------------===//
//
// The link step in four parts, each in rtcheck/lib/link/: the call graph, the roots, what the
// roots reach, and the findings made at the user's sites.
//
//===----------------------------------------------------------------------===//
#include "rtcheck/Link.h"

#include "rtcheck/Rules.h"
#include "rtcheck/link/AddressFlow.h"
#include "rtcheck/link/CallGraph.h"
#include "rtcheck/link/EntryReach.h"
#include "rtcheck/link/Findings.h"
#include "rtcheck/link/Reachability.h"
#include "rtcheck/link/Roots.h"
#include "rtcheck/link/SetupOrder.h"
#include "rtcheck/link/SitePruner.h"
#include "rtcheck/link/ValueBits.h"
#include "rtcheck/link/ThreadRoots.h"

#include <memory>

using namespace llvm;

namespace rtcheck {

LinkResult link(ArrayRef<Summary> Summaries, const RuleSet &Rules, const LinkOptions &Options) {
  LinkResult Result;
  CallGraph G(Summaries, Rules, Options.ReportUnknown);
  G.reportNoReturnPaths(Options.ReportNoReturnPaths);
  G.trustNonBlockingPromises(Options.TrustNonBlockingPromises);
  SitePruner Pruner(G, Options.Assume);
  ValueBits Bits(G, Summaries, Rules);
  Pruner.Bits = &Bits;
  Pruner.AfterFailedRaise = sitesAfterFailedRaise(G, Summaries, Rules);
  // Rapid type analysis and registrations from the program's entries (EntryReach.h).
  std::optional<DenseSet<NodeId>> Live = reachFromEntries(G, Summaries, Rules, Options, Pruner);
  RootsFound Roots = findRoots(G, Summaries, Rules, Options, Live ? &*Live : nullptr);
  auto Reach = std::make_unique<Reachability>(G, Roots, &Pruner);
  // Which statics setup initialises depends on the roots reaching them: walk again if any.
  if (DenseSet<NodeId> Ready = staticsInitialisedAtSetup(G, Summaries, Roots, *Reach); !Ready.empty()) {
    Pruner.StaticsReady = std::move(Ready);
    Reach = std::make_unique<Reachability>(G, Roots, &Pruner);
  }
  FindingsMade Made = makeFindings(G, *Reach, Roots, Summaries, Rules, Rules.policy());
  Result.Roots = std::move(Roots.Roots);
  Result.Warnings = std::move(Roots.Warnings);
  for (NodeId Id : G.promisesTrusted())
    Result.Warnings.push_back("'" + G.node(Id).info().Name +
                              "' has no body in the program: its [[clang::nonblocking]] "
                              "declaration is trusted (--no-nonblocking-promises checks it)");
  Result.Findings = std::move(Made.Findings);
  Result.Stats.TranslationUnits = Summaries.size();
  Result.Stats.Functions = G.definedFunctions();
  Result.Stats.ReachableFunctions = Reach->reachableFunctions();
  Result.Stats.Suppressed = Made.Suppressed;
  Result.Stats.Allowed = Made.Allowed;
  countIndirectCalls(G, Result.Stats);
  return Result;
}

} // namespace rtcheck
