//===- ValueBits.h - the bits integer members can hold ----------*- C++ -*-===//
//
// Part of the link step (#10, bridge; docs/constants.md). Over every write
// of the program (extract/ValueWrites), the bits each integer member of a user record may hold:
// the union of the constants its writes store (`|=` adds bits, `&=` adds none), any bits once a
// write stores something else, a reference or pointer to the member is made, or objects of the
// record are written as raw memory or by code without a body in the program. A write that runs
// only under conditions is counted once those conditions can hold with the bits known so far (a
// least fixpoint), so `if (opts->flags & REALTIME) info.doRealtime = true;` sets nothing when no
// write gives `flags` that bit. A guard atom on a member is then false when no value made of the
// member's bits satisfies it.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_VALUEBITS_H
#define RTCHECK_LINK_VALUEBITS_H

#include "rtcheck/Rules.h"
#include "rtcheck/Summary.h"
#include "rtcheck/link/CallGraph.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace rtcheck {

class ValueBits {
public:
  ValueBits(const CallGraph &G, llvm::ArrayRef<Summary> Summaries, const RuleSet &Rules);

  /// No value the program can give A's member satisfies A (false for anything else).
  bool impossible(const GuardAtom &A) const;
  /// The bits A's member may hold; nullopt when any (or the member is not tracked).
  std::optional<uint64_t> bitsOf(llvm::StringRef Var) const;

private:
  struct Bits {
    bool Any = false;
    uint64_t Mask = 0;
  };
  void add(Bits &To, const ValueWrite &W) {
    To.Any |= W.AnyBits;
    To.Mask |= W.Bits;
  }
  bool rawWritten(const CallGraph &G, const RawWrite &W, const RuleSet &Rules) const;

  llvm::StringMap<Bits> Vars;
  llvm::StringSet<> RawRecords;
};

} // namespace rtcheck

#endif
