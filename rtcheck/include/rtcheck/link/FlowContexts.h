//===- FlowContexts.h - address flow per caller context ---------*- C++ -*-===//
//
// Part of address flow (AddressFlow.h): the values in a parameter slot are kept apart by the
// facts their caller's constants give the parameter's function (its entry facts, as in
// SitePruner.h), so that a store the caller's constants rule out does not carry that caller's
// values (`new_thread(f, data, /*prio=*/0)` does not store f where only `prio > 0` stores it).
// Facts go down any number of wrappers through parameters handed on unchanged. Only the
// parameters of functions whose own edges test or hand on a parameter are kept apart, each in at
// most MaxContexts contexts; beyond that, and everywhere else, values flow as before (no facts).
// docs/analyzer.md "Context-sensitive flow".
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_FLOWCONTEXTS_H
#define RTCHECK_LINK_FLOWCONTEXTS_H

#include "rtcheck/link/SitePruner.h"
#include "llvm/ADT/StringMap.h"

namespace rtcheck {

class FlowContexts {
public:
  static constexpr unsigned NoCondition = ~0u;
  /// Contexts kept apart per parameter slot, as Reachability's entry contexts per function.
  static constexpr size_t MaxContexts = 8;

  /// Records the context of edge E (read before any query); returns its index, or NoCondition
  /// when the edge has none.
  unsigned add(const FlowEdge &E);
  /// The slot (a parameter slot key) keeps values apart by context.
  bool tracked(llvm::StringRef SlotKey) const;
  /// The store of edge Cond does not run when its function is entered with Facts.
  bool ruledOut(unsigned Cond, const EntryFacts &Facts) const;
  /// The facts the call behind edge Cond (into the parameter slot To) gives the callee, its
  /// caller entered with Caller.
  EntryFacts calleeFacts(unsigned Cond, const EntryFacts &Caller, llvm::StringRef To) const;

private:
  struct Condition {
    std::vector<GuardClause> Guards;
    std::vector<std::pair<unsigned, int64_t>> ConstArgs;
    std::vector<std::pair<unsigned, unsigned>> ParamArgs;
  };
  static llvm::StringRef owner(llvm::StringRef SlotKey);

  std::vector<Condition> Conditions;
  /// Per function (USR): the parameters its edges test or hand on, sorted.
  llvm::StringMap<std::vector<unsigned>> UsedParams;
};

} // namespace rtcheck

#endif
