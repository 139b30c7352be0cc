//===- ValueBits.cpp - the bits integer members can hold ------------------===//
#include "rtcheck/link/ValueBits.h"

#include "rtcheck/link/SitePruner.h"
#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace rtcheck {
namespace {

/// Some value whose bits lie within Mask satisfies `v op K`.
bool possibleWithin(GuardAtom::OpKind Op, uint64_t Mask, int64_t K) {
  switch (Op) {
  case GuardAtom::AnyBit:
    return (Mask & uint64_t(K)) != 0;
  case GuardAtom::NoBit:
    return true; // 0 has none of K's bits
  case GuardAtom::Eq:
    return (uint64_t(K) & ~Mask) == 0;
  default:
    // Orders and `!=`: any value made of Mask's bits may do, unless the value can only be 0.
    return Mask != 0 || guardAtomHolds(Op, 0, K);
  }
}

constexpr unsigned MaxRounds = 16;

} // namespace

ValueBits::ValueBits(const CallGraph &G, ArrayRef<Summary> Summaries, const RuleSet &Rules) {
  std::vector<const ValueWrite *> Guarded;
  for (const Summary &S : Summaries) {
    for (const RawWrite &W : S.RawWrites)
      if (rawWritten(G, W, Rules))
        RawRecords.insert(W.Record);
    for (const ValueWrite &W : S.ValueWrites) {
      Bits &B = Vars[W.Var];
      if (W.Guards.empty())
        add(B, W);
      else
        Guarded.push_back(&W);
    }
  }
  // A write whose conditions can hold with the bits known so far counts; counting it may make
  // other conditions possible (a least fixpoint; a round cap only keeps the result larger).
  std::vector<bool> Counted(Guarded.size(), false);
  for (unsigned Round = 0; Round < MaxRounds; ++Round) {
    bool Changed = false;
    for (size_t I = 0; I < Guarded.size(); ++I) {
      if (Counted[I])
        continue;
      bool Excluded = any_of(Guarded[I]->Guards, [&](const GuardClause &Clause) {
        return all_of(Clause, [&](const GuardAtom &A) { return impossible(A); });
      });
      if (Excluded && Round + 1 < MaxRounds)
        continue;
      add(Vars[Guarded[I]->Var], *Guarded[I]);
      Counted[I] = Changed = true;
    }
    if (!Changed)
      break;
  }
}

bool ValueBits::rawWritten(const CallGraph &G, const RawWrite &W, const RuleSet &Rules) const {
  if (W.Callee.empty())
    return true;
  NodeId Callee = G.find(W.Callee);
  if (Callee == NoNode)
    return true;
  // Creating a thread passes its data argument on to the start routine untouched and writes
  // only the handle.
  StringRef Name = G.node(Callee).info().Name;
  if (W.Argument >= 0 && any_of(Rules.threads(), [&](const ThreadRule &R) {
        return R.K == ThreadRule::Create && qualifiedMatch(R.Function, Name) &&
               unsigned(W.Argument) != R.Entry && R.Handle != unsigned(W.Argument);
      }))
    return false;
  // Typed, into a body of the program: its writes are the program's own.
  return W.Untyped || !G.node(Callee).hasBody();
}

std::optional<uint64_t> ValueBits::bitsOf(StringRef Var) const {
  auto It = Vars.find(Var);
  if (It == Vars.end() || It->second.Any)
    return std::nullopt;
  auto [Record, Field] = Var.rsplit("::");
  if (Field.empty() || RawRecords.contains(Record))
    return std::nullopt;
  return It->second.Mask;
}

bool ValueBits::impossible(const GuardAtom &A) const {
  if (A.Param >= 0)
    return false;
  std::optional<uint64_t> Mask = bitsOf(A.Var);
  return Mask && !possibleWithin(A.Op, *Mask, A.Value);
}

} // namespace rtcheck
