//===- Link.h - whole-program reachability and findings ---------*- C++ -*-===//
//
// Merges the summaries of all TUs into one call graph (by USR), resolves virtual calls over the
// whole class hierarchy and indirect calls over the address-taken functions, walks it from every
// real-time root and turns what the roots reach into findings. Linear in the size of the graph
// for each root.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_H
#define RTCHECK_LINK_H

#include "rtcheck/Category.h"
#include "rtcheck/Finding.h"
#include "rtcheck/Summary.h"
#include "llvm/ADT/ArrayRef.h"
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rtcheck {

class RuleSet;

struct RootSpec {
  std::string Name;    ///< qualified function name or wildcard pattern
  std::string Context; ///< empty: the rules' default context (LinkPolicy)
};

struct LinkOptions {
  std::vector<RootSpec> ExtraRoots; ///< from --root and the config file
  bool ReportUnknown = true;
  /// Report calls on paths that end the program (failing asserts, abort, noreturn handlers).
  bool ReportNoReturnPaths = false;
  /// A body-less `[[clang::nonblocking]]` declaration is a promise: trusted, with a note.
  bool TrustNonBlockingPromises = true;

  // --- constants and modes (#10 item 4) ---
  /// `assume` facts: globals and members (qualified names) with the value they hold for the
  /// whole run; the branches they rule out are not followed.
  std::map<std::string, int64_t> Assume;
};

struct Root {
  std::string USR;
  std::string Function;
  std::string Context;
  std::string Origin; ///< attribute | annotation | config | registration | thread
  SourceLoc Loc;
  std::vector<std::string> Programs; ///< the programs it is a root of (Programs.h)
};

struct LinkStats {
  unsigned TranslationUnits = 0;
  unsigned Functions = 0;
  unsigned ReachableFunctions = 0;
  unsigned Suppressed = 0;
  unsigned Allowed = 0;

  // Indirect calls (#10): targets per call site in user code, by type alone and by address flow.
  unsigned IndirectSites = 0;
  uint64_t TypeTargets = 0; ///< summed over the sites
  uint64_t FlowTargets = 0;
  unsigned TypeTargetsMax = 0;
  unsigned FlowTargetsMax = 0;
  unsigned TypeFallbackSites = 0;    ///< callee not modelled: every function of its type
  unsigned EscapedFallbackSites = 0; ///< open slot: plus the escaped functions of its type
  // Calls of a std::function in user code, and those resolved through the object's slot.
  unsigned ObjectCallSites = 0;
  unsigned ObjectCallsByFlow = 0;
  uint64_t ObjectCallTargets = 0; ///< callables, summed over the sites resolved by flow
};

struct LinkResult {
  std::vector<Root> Roots;
  std::vector<Finding> Findings;
  LinkStats Stats;
  std::vector<std::string> Warnings; ///< one line each (e.g. a --root that matched nothing)
};

LinkResult link(llvm::ArrayRef<Summary> Summaries, const RuleSet &Rules,
                const LinkOptions &Options);

} // namespace rtcheck

#endif
