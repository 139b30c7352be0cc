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
#include "rtcheck/Summary.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace rtcheck {

class RuleSet;

struct RootSpec {
  std::string Name; ///< qualified function name or wildcard pattern
  std::string Context = "audio";
};

struct LinkOptions {
  std::vector<RootSpec> ExtraRoots; ///< from --root and the config file
  bool ReportUnknown = true;
};

struct Root {
  std::string USR;
  std::string Function;
  std::string Context;
  std::string Origin; ///< attribute | annotation | config | registration
  SourceLoc Loc;
  std::vector<std::string> Programs; ///< the programs it is a root of (Programs.h)
};

/// One step of the evidence chain: Function is entered by the call at Loc.
struct ChainStep {
  std::string Function;
  SourceLoc Loc;
  bool InSystemHeader = false;
  std::string Note;
};

struct Finding {
  Category Cat = Category::Unknown;
  Severity Sev = Severity::Error;
  std::string Message;
  SourceLoc Site;
  std::string SiteFunction; ///< the user function containing the site
  std::string Callee;       ///< the function called at the site
  std::string Leaf;         ///< the library function or construct that blocks
  std::string LeafReason;   ///< the rule's reason, if a rule classified the leaf
  std::string RuleFile;     ///< the rules file of that rule
  std::vector<std::string> Roots;
  std::vector<std::string> Contexts;
  std::vector<ChainStep> Chain;
  std::string Fingerprint;
  std::vector<std::string> Programs; ///< the programs it occurs in (Programs.h)
};

struct LinkStats {
  unsigned TranslationUnits = 0;
  unsigned Functions = 0;
  unsigned ReachableFunctions = 0;
  unsigned Suppressed = 0;
  unsigned Allowed = 0;
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
