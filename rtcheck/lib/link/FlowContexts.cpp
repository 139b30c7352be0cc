//===- FlowContexts.cpp - address flow per caller context ------------------===//
#include "rtcheck/link/FlowContexts.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace rtcheck {

StringRef FlowContexts::owner(StringRef SlotKey) {
  if (!SlotKey.consume_front("P:"))
    return {};
  return SlotKey.rsplit('#').first;
}

unsigned FlowContexts::add(const FlowEdge &E) {
  if (E.Guards.empty() && E.ConstArgs.empty() && E.ParamArgs.empty())
    return NoCondition;
  if (StringRef From = owner(E.From); !From.empty()) {
    std::vector<unsigned> &Used = UsedParams[From];
    for (const GuardClause &Clause : E.Guards)
      for (const GuardAtom &A : Clause)
        if (A.Param >= 0)
          Used.push_back(unsigned(A.Param));
    for (const auto &[Arg, Param] : E.ParamArgs)
      Used.push_back(Param);
    llvm::sort(Used);
    Used.erase(std::unique(Used.begin(), Used.end()), Used.end());
  }
  Conditions.push_back({E.Guards, E.ConstArgs, E.ParamArgs});
  return Conditions.size() - 1;
}

bool FlowContexts::tracked(StringRef SlotKey) const {
  auto It = UsedParams.find(owner(SlotKey));
  return It != UsedParams.end() && !It->second.empty();
}

bool FlowContexts::ruledOut(unsigned Cond, const EntryFacts &Facts) const {
  if (Cond == NoCondition || Facts.empty())
    return false;
  // A clause is false when every atom is known and false; globals and members are not known.
  return any_of(Conditions[Cond].Guards, [&](const GuardClause &Clause) {
    return all_of(Clause, [&](const GuardAtom &A) {
      if (A.Param < 0)
        return false;
      auto Known = find_if(Facts, [&](const auto &F) { return F.first == unsigned(A.Param); });
      return Known != Facts.end() && !guardAtomHolds(A.Op, Known->second, A.Value);
    });
  });
}

EntryFacts FlowContexts::calleeFacts(unsigned Cond, const EntryFacts &Caller,
                                     StringRef To) const {
  auto Used = UsedParams.find(owner(To));
  if (Cond == NoCondition || Used == UsedParams.end())
    return {};
  const Condition &C = Conditions[Cond];
  return factsPassedOn(Used->second, C.ConstArgs, C.ParamArgs, Caller);
}

} // namespace rtcheck
