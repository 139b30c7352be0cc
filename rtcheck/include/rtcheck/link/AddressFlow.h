//===- AddressFlow.h - where function addresses flow in the program -*- C++ -*-===//
//
// Part of the call graph: closes the per-TU address-flow edges (Summary::Flows) over the whole
// program and resolves an indirect call through the slot its callee is read from, instead of
// through every address-taken function of its type:
//   - a slot holds the functions stored into it anywhere in the program, and whatever flows in
//     from other slots (a caller's argument into a parameter, at any depth, across TUs);
//   - a slot is *open* (it may also hold every escaped function of the call's type) when code the
//     analysis cannot see may write it: a parameter of a function called through a pointer,
//     virtually or by nothing in the program, a field of a library's record or a library's
//     variable, a library function's return value, a slot whose address was taken, a value read
//     back from a non-function location;
//   - a callee expression the extraction does not model falls back to type matching;
//   - the values in a parameter slot are kept apart by their caller's constants, which decide
//     the stores of the parameter's function (FlowContexts.h).
// A function escapes when its address (or a slot holding it) goes where the analysis cannot
// follow: see rtcheck/lib/extract/AddressFlow.cpp, plus an argument to a function that has no
// body in the program. docs/analyzer.md "Function pointers" has the whole story.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_ADDRESSFLOW_H
#define RTCHECK_LINK_ADDRESSFLOW_H

#include "rtcheck/Summary.h"
#include "rtcheck/link/FlowContexts.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace rtcheck {

class CallGraph;
using NodeId = unsigned;

class AddressFlow {
public:
  /// How an indirect call was resolved.
  enum class Resolution {
    Flow,    ///< exactly the functions that flow into its slot
    Escaped, ///< those, plus the escaped functions of its type (an open slot)
    TypeOnly ///< every address-taken function of its type (callee not modelled)
  };

  /// Reads every summary's flows and closes them; creates the call graph's nodes of functions
  /// named only by a string (dlsym).
  AddressFlow(llvm::ArrayRef<Summary> Summaries, CallGraph &G);

  /// The targets of an indirect call, given the address-taken functions of its type.
  std::vector<NodeId> targets(const CallSite &C, const std::set<NodeId> *OfType) const;
  Resolution resolution(const CallSite &C) const;
  /// The functions passed as argument Index of a call: named there, or flowing into the slot the
  /// argument is read from (a wrapper's parameter, at any depth). Escaped pools are not included.
  std::vector<NodeId> argumentValues(const CallSite &C, unsigned Index) const;
  /// The functions that flow into a slot (for tests and registration fields).
  std::vector<NodeId> valuesOf(llvm::StringRef Slot) const;
  bool escaped(NodeId N) const { return Escaped.contains(N); }
  /// Every struct field (qualified name) with the functions that flow into it.
  void forEachField(llvm::function_ref<void(llvm::StringRef, const std::set<NodeId> &)> F) const;

private:
  enum Flag : unsigned { Open = 1, Any = 2 };
  struct Edge {
    unsigned To;
    unsigned Condition; ///< FlowContexts index, or FlowContexts::NoCondition
  };
  struct Slot {
    std::set<NodeId> Values;
    unsigned Flags = 0;
    std::vector<Edge> Succ;
    /// Tracked parameter slots: Values by the entry facts their callers gave (FlowContexts.h).
    bool Tracked = false;
    std::map<EntryFacts, std::set<NodeId>> ByContext;
  };
  struct Seed {
    unsigned Slot;
    NodeId Value;
    unsigned Condition;
  };

  unsigned intern(llvm::StringRef Key);
  const Slot *find(llvm::StringRef Key) const;
  void applyLinkRules(const CallGraph &G, std::vector<unsigned> &EscapedSlots);
  void propagate();
  /// Adds Values to slot D, under Facts when D keeps contexts apart; true when D changed.
  bool insert(unsigned D, EntryFacts Facts, const std::set<NodeId> &Values);

  llvm::StringMap<unsigned> Index;
  std::vector<std::string> Keys;
  std::vector<Slot> Slots;
  llvm::DenseSet<NodeId> Escaped;
  llvm::DenseSet<NodeId> CalledFromOutside; ///< address-taken or called virtually
  llvm::DenseSet<NodeId> DirectlyCalled;
  CallGraph &G;
  FlowContexts Contexts;
  std::vector<Seed> Seeds; ///< functions stored into slots, seeded once contexts are known
};

struct LinkStats;
/// Counts the indirect call sites of user code and their targets, by type and by flow.
void countIndirectCalls(CallGraph &G, LinkStats &Stats);

} // namespace rtcheck

#endif
