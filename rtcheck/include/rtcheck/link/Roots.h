//===- Roots.h - where real-time code starts --------------------*- C++ -*-===//
//
// Part two of the link step: the real-time roots, from five sources in this order (the first
// source to name a function gives it its context and origin): annotations and attributes in the
// code, --root and configuration patterns, rules naming roots (interrupt vectors), registration
// calls and struct-field stores naming a callback, and overrides of known real-time virtuals.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_ROOTS_H
#define RTCHECK_LINK_ROOTS_H

#include "rtcheck/Link.h"
#include "rtcheck/link/CallGraph.h"
#include "llvm/ADT/DenseSet.h"

namespace rtcheck {

struct RootsFound {
  std::vector<Root> Roots;
  std::vector<NodeId> Nodes; ///< the node of each root
  std::vector<std::string> Warnings;
};

/// With Live (the functions the program's entries reach, EntryReach.h), a registration call or
/// a thread creation counts only in a live function.
RootsFound findRoots(const CallGraph &G, llvm::ArrayRef<Summary> Summaries, const RuleSet &Rules,
                     const LinkOptions &Options, const llvm::DenseSet<NodeId> *Live = nullptr);

} // namespace rtcheck

#endif
