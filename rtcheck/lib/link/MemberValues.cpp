//===- MemberValues.cpp - the values a member can hold in a program -------===//
#include "rtcheck/link/MemberValues.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace llvm;

namespace rtcheck {
namespace {

/// More values than this: the member is not decided (a counter, a size).
constexpr size_t MaxValues = 16;
/// Rounds of recomputation with the previous round's values.
constexpr unsigned MaxRounds = 4;

enum class Truth { False, True, Unknown };

class Evaluator {
public:
  Evaluator(const EntryFacts &Entry, const MemberValueSets &Known,
            const std::map<std::string, int64_t> &Assume)
      : Entry(Entry), Known(Known), Assume(Assume) {}

  Truth atom(const GuardAtom &A) const {
    if (A.Param >= 0) {
      for (const auto &[Param, Value] : Entry)
        if (Param == unsigned(A.Param))
          return guardAtomHolds(A.Op, Value, A.Value) ? Truth::True : Truth::False;
      return Truth::Unknown;
    }
    if (auto It = Assume.find(A.Var); It != Assume.end())
      return guardAtomHolds(A.Op, It->second, A.Value) ? Truth::True : Truth::False;
    auto It = Known.find(A.Var);
    if (It == Known.end())
      return Truth::Unknown;
    std::optional<bool> Holds = It->second.decides(A.Op, A.Value);
    return !Holds ? Truth::Unknown : *Holds ? Truth::True : Truth::False;
  }
  /// Some clause has every atom false: the guarded code cannot run.
  bool ruledOut(ArrayRef<GuardClause> Clauses) const {
    return any_of(Clauses, [&](const GuardClause &C) {
      return all_of(C, [&](const GuardAtom &A) { return atom(A) == Truth::False; });
    });
  }
  /// Every clause has an atom that holds.
  bool certain(ArrayRef<GuardClause> Clauses) const {
    return all_of(Clauses, [&](const GuardClause &C) {
      return any_of(C, [&](const GuardAtom &A) { return atom(A) == Truth::True; });
    });
  }

private:
  const EntryFacts &Entry;
  const MemberValueSets &Known;
  const std::map<std::string, int64_t> &Assume;
};

/// Classes whose members stay undecided: a reached call enters one of their methods that has
/// no body in the program (it could store anything).
StringSet<> classesWithUnseenWriters(CallGraph &G, ArrayRef<Summary> Summaries,
                                     const Reachability &Reach) {
  StringMap<std::string> ClassOfMethod;
  for (const Summary &S : Summaries)
    for (const ModeClass &C : S.ModeClasses)
      for (const std::string &USR : C.Methods)
        ClassOfMethod[USR] = C.Name;
  StringSet<> Out;
  for (NodeId U = 0; U < G.size(); ++U) {
    if (!Reach.reached(U) || !G.node(U).hasBody())
      continue;
    for (const CallSite &C : G.node(U).Def->Calls) {
      if (!Reach.live(C))
        continue;
      for (NodeId T : G.targets(C))
        if (!G.node(T).hasBody())
          if (auto It = ClassOfMethod.find(G.node(T).info().USR); It != ClassOfMethod.end())
            Out.insert(It->second);
    }
  }
  return Out;
}

} // namespace

std::optional<bool> MemberFacts::decides(GuardAtom::OpKind Op, int64_t K) const {
  auto Holds = [&](int64_t V) { return guardAtomHolds(Op, V, K); };
  if (!MayClear && !MaySet) {
    if (all_of(Values, Holds))
      return true;
    if (none_of(Values, Holds))
      return false;
    return std::nullopt;
  }
  if (Op != GuardAtom::AnyBit && Op != GuardAtom::NoBit)
    return std::nullopt;
  bool SomeBitAlways = false, NoBitEver = true;
  for (unsigned I = 0; I < 64; ++I) {
    uint64_t Bit = uint64_t(1) << I;
    if (!(uint64_t(K) & Bit))
      continue;
    SomeBitAlways |= !(MayClear & Bit) &&
                     all_of(Values, [&](int64_t V) { return uint64_t(V) & Bit; });
    NoBitEver &= !(MaySet & Bit) &&
                 none_of(Values, [&](int64_t V) { return uint64_t(V) & Bit; });
  }
  if (SomeBitAlways)
    return Op == GuardAtom::AnyBit;
  if (NoBitEver)
    return Op == GuardAtom::NoBit;
  return std::nullopt;
}

int64_t storedValue(const MemberStore &S, int64_t V) {
  if (S.Mask)
    V &= S.Mask;
  return S.ToBool ? V != 0 : V;
}

MemberValueSets memberValuesOf(CallGraph &G, ArrayRef<Summary> Summaries,
                               const Reachability &Reach,
                               const std::map<std::string, int64_t> &Assume) {
  StringSet<> Unseen = classesWithUnseenWriters(G, Summaries, Reach);
  StringSet<> Candidates;
  for (const Summary &S : Summaries)
    for (const ModeClass &C : S.ModeClasses)
      if (!Unseen.contains(C.Name))
        for (const std::string &F : C.Fields)
          Candidates.insert(F);
  // The reached stores of each candidate, with the contexts their bodies are walked in.
  struct Store {
    const MemberStore *S;
    NodeId Body;
  };
  StringMap<std::vector<Store>> Stores;
  DenseMap<NodeId, std::vector<EntryFacts>> Contexts;
  for (NodeId U = 0; U < G.size(); ++U) {
    if (!Reach.reached(U) || !G.node(U).hasBody() || G.node(U).Def->MemberStores.empty())
      continue;
    Contexts[U] = Reach.entryContextsOf(U);
    for (const MemberStore &S : G.node(U).Def->MemberStores)
      if (Candidates.contains(S.Field))
        Stores[S.Field].push_back({&S, U});
  }
  MemberValueSets Known;
  for (unsigned Round = 0; Round < MaxRounds; ++Round) {
    MemberValueSets Next;
    for (const auto &[Field, List] : Stores) {
      MemberFacts Facts;
      std::vector<int64_t> &Values = Facts.Values;
      bool Decided = true;
      for (const Store &X : List) {
        for (const EntryFacts &Entry : Contexts[X.Body]) {
          Evaluator E(Entry, Known, Assume);
          if (E.ruledOut(X.S->Guards) ||
              (X.S->OverwrittenWhen && E.certain(*X.S->OverwrittenWhen)))
            continue;
          if (X.S->BitUpdate) {
            Facts.MayClear |= uint64_t(X.S->MayClear);
            Facts.MaySet |= uint64_t(X.S->MaySet);
            continue;
          }
          std::optional<int64_t> V = X.S->Constant;
          if (!V && X.S->Param >= 0)
            for (const auto &[Param, Value] : Entry)
              if (Param == unsigned(X.S->Param))
                V = storedValue(*X.S, Value);
          if (!V) {
            Decided = false;
            break;
          }
          Values.push_back(*V);
        }
        if (!Decided)
          break;
      }
      llvm::sort(Values);
      Values.erase(std::unique(Values.begin(), Values.end()), Values.end());
      if (Decided && !Values.empty() && Values.size() <= MaxValues)
        Next[Field.str()] = std::move(Facts);
    }
    if (Next == Known)
      break;
    Known = std::move(Next);
  }
  return Known;
}

} // namespace rtcheck
