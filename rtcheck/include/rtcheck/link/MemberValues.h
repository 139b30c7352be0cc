//===- MemberValues.h - the values a member can hold in a program -*- C++ -*-===//
//
// Part of the link step (#10, modes; docs/constants.md). The values an
// integer member of a mode class (MemberStore in Summary.h) can hold in a program are those its
// stores give it in the code the program's entries reach, each store evaluated in every entry
// context its body is walked in: R2Stretcher's constructor stores the `options` its callers
// pass (`RubberBandStretcher` → `Impl` → `R2Stretcher`, a constant at the plug-in's `new`), so
// `m_options & OptionProcessRealTime` always holds, the initial `m_realtime(false)` is always
// replaced, and `if (!m_realtime)` never runs in the plug-in.
//
// Compound bit stores (`m_options &= ~mask; m_options |= options;` in `setPhaseOption`) only
// say which bits they may clear or set: with them, a bit test is still decided when every
// value has one of its bits and no store may clear it (or no value has any and none may set it).
// A member is decided only when every reached store's value is known (at most 16 values) and
// no reached call enters a method of its class that has no body in the program; a store whose
// conditions the facts rule out does not count. The guards of stores may test other members:
// the values are recomputed with the previous round's until nothing changes (each round's sets
// contain the true values, so every round is sound).
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_MEMBERVALUES_H
#define RTCHECK_LINK_MEMBERVALUES_H

#include "rtcheck/link/Reachability.h"
#include <map>

namespace rtcheck {

/// What the stores say about each decided member, by qualified name (values sorted).
using MemberValueSets = std::map<std::string, MemberFacts>;

/// The members Reach (a walk from the program's entries) decides; Assume: the `assume` facts.
MemberValueSets memberValuesOf(CallGraph &G, llvm::ArrayRef<Summary> Summaries,
                               const Reachability &Reach,
                               const std::map<std::string, int64_t> &Assume);

/// What a member store puts into its member when its parameter holds V; nothing when adding
/// its offset overflows.
std::optional<int64_t> storedValue(const MemberStore &S, int64_t V);
/// V + Offset, or nothing when it overflows.
std::optional<int64_t> plusOffset(int64_t V, int64_t Offset);

} // namespace rtcheck

#endif
