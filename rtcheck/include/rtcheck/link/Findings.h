//===- Findings.h - deciding what to report ---------------------*- C++ -*-===//
//
// Part four of the link step. A finding is reported at the deepest call of a chain that lies in
// the user's own code: for every reachable user function, each of its call sites is classified by
// what its callee can reach without re-entering user code (library internals, rules, unknown
// bodies), by the profiles' forbidden names and by the section rules. The profiles of the
// contexts reaching the site decide the severity; suppression comments and allowed categories
// drop it. The words come from Finding.h.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_FINDINGS_H
#define RTCHECK_LINK_FINDINGS_H

#include "rtcheck/Rules.h"
#include "rtcheck/link/Reachability.h"

namespace rtcheck {

struct FindingsMade {
  std::vector<Finding> Findings; ///< sorted by site, category, callee
  unsigned Suppressed = 0;
  unsigned Allowed = 0;
};

FindingsMade makeFindings(CallGraph &G, const Reachability &Reach, const RootsFound &Roots,
                          llvm::ArrayRef<Summary> Summaries, const RuleSet &Rules,
                          const LinkPolicy &Policy);

} // namespace rtcheck

#endif
