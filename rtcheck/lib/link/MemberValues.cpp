//===- MemberValues.cpp - the values a member can hold in a program -------===//
#include "rtcheck/link/MemberValues.h"

#include "rtcheck/link/EntryReach.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MathExtras.h"

using namespace llvm;

namespace rtcheck {
namespace {

/// More values than this: the member is not decided (a counter, a size).
constexpr size_t MaxValues = 16;
/// Rounds of recomputation with the previous round's values.
constexpr unsigned MaxRounds = 8;

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
  if (MayDecrease) {
    // Every value up to the largest may occur: only an upper bound decides.
    if (MayClear || MaySet)
      return std::nullopt;
    int64_t Max = *llvm::max_element(Values);
    switch (Op) {
    case GuardAtom::Gt:
    case GuardAtom::Ge:
    case GuardAtom::Eq:
      return Holds(Max) || (Op == GuardAtom::Eq && K <= Max) ? std::nullopt
                                                              : std::optional<bool>(false);
    case GuardAtom::Lt:
    case GuardAtom::Le:
      return Holds(Max) ? std::optional<bool>(true) : std::nullopt;
    case GuardAtom::Ne:
      return K > Max ? std::optional<bool>(true) : std::nullopt;
    default:
      return std::nullopt;
    }
  }
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

std::optional<int64_t> storedValue(const MemberStore &S, int64_t V) {
  if (S.Mask)
    V &= S.Mask;
  return plusOffset(S.ToBool ? V != 0 : V, S.Offset);
}

std::optional<int64_t> plusOffset(int64_t V, int64_t Offset) {
  int64_t Sum;
  if (AddOverflow(V, Offset, Sum))
    return std::nullopt; // not a value the program can store: decide nothing
  return Sum;
}

namespace {

/// The stores of the candidate members and what decides their values, one round at a time.
class StoreEvaluator {
public:
  StoreEvaluator(CallGraph &G, const Reachability &Reach,
                 const std::map<std::string, int64_t> &Assume)
      : G(G), Reach(Reach), Assume(Assume) {}

  /// Adds to Facts what store S of body U (NoNode: a static's definition) can put, with the
  /// previous round's Known; false when some value is not known.
  bool add(const MemberStore &S, NodeId U, const MemberValueSets &Known, MemberFacts &Facts) {
    static const std::vector<EntryFacts> NoContext{EntryFacts{}};
    const std::vector<EntryFacts> &Contexts = U == NoNode ? NoContext : contextsOf(U);
    for (const EntryFacts &Entry : Contexts) {
      Evaluator E(Entry, Known, Assume);
      if (E.ruledOut(S.Guards) || (S.OverwrittenWhen && E.certain(*S.OverwrittenWhen)))
        continue;
      if (S.BitUpdate) {
        Facts.MayClear |= uint64_t(S.MayClear);
        Facts.MaySet |= uint64_t(S.MaySet);
        continue;
      }
      Facts.MayDecrease |= S.MayDecrease;
      if (S.Constant) {
        if (!push(plusOffset(*S.Constant, S.Offset), Facts))
          return false;
      } else if (!S.From.empty()) {
        if (!copy(Known, S.From, S.Offset, Facts))
          return false;
      } else if (S.Param >= 0) {
        auto Fixed = find_if(Entry, [&](const auto &F) { return F.first == unsigned(S.Param); });
        if (Fixed != Entry.end() ? !push(storedValue(S, Fixed->second), Facts)
                                 : U == NoNode || !passedByCallers(S, U, Known, Facts))
          return false;
      } else {
        return false;
      }
    }
    return true;
  }

private:
  const std::vector<EntryFacts> &contextsOf(NodeId U) {
    auto [It, Inserted] = Contexts.try_emplace(U);
    if (Inserted)
      It->second = Reach.entryContextsOf(U);
    return It->second;
  }

  static bool push(std::optional<int64_t> V, MemberFacts &Facts) {
    if (V)
      Facts.Values.push_back(*V);
    return V.has_value();
  }

  /// The values of member From (plus Offset), when the previous round decided it.
  static bool copy(const MemberValueSets &Known, StringRef From, int64_t Offset,
                   MemberFacts &Facts) {
    auto It = Known.find(From.str());
    if (It == Known.end() || It->second.MayClear || It->second.MaySet)
      return false;
    for (int64_t V : It->second.Values)
      if (!push(plusOffset(V, Offset), Facts))
        return false;
    Facts.MayDecrease |= It->second.MayDecrease;
    return true;
  }

  /// Parameter S.Param of U as every live call of U passes it: a constant or a decided member
  /// (`new D_BQResampler(..., params.debugLevel)`, #10 levels).
  bool passedByCallers(const MemberStore &S, NodeId U, const MemberValueSets &Known,
                       MemberFacts &Facts) {
    // A function others may call too: through its address, as an entry point, or in place of a
    // method it overrides (a library's call through the base).
    const Node &N = G.node(U);
    if (!N.info().TypeKey.empty() || N.info().isRoot() || isProgramEntryName(N.info().Name) ||
        !N.Overridden.empty())
      return false;
    if (!CallersCollected)
      collectCallers();
    auto It = Callers.find(U);
    if (It == Callers.end())
      return false; // entered from outside the program, with anything
    unsigned Param = unsigned(S.Param);
    for (const CallSite *C : It->second) {
      if (auto K = find_if(C->ConstArgs, [&](const auto &A) { return A.first == Param; });
          K != C->ConstArgs.end()) {
        if (!push(storedValue(S, K->second), Facts))
          return false;
        continue;
      }
      auto M = find_if(C->MemberArgs, [&](const auto &A) { return A.first == Param; });
      if (M == C->MemberArgs.end() || S.Mask || S.ToBool || !copy(Known, M->second, S.Offset, Facts))
        return false;
    }
    return true;
  }

  void collectCallers() {
    for (NodeId U = 0; U < G.size(); ++U) {
      if (!Reach.reached(U) || !G.node(U).hasBody())
        continue;
      for (const CallSite &C : G.node(U).Def->Calls)
        if (Reach.live(C))
          for (NodeId T : G.targets(C))
            Callers[T].push_back(&C);
    }
    CallersCollected = true;
  }

  CallGraph &G;
  const Reachability &Reach;
  const std::map<std::string, int64_t> &Assume;
  DenseMap<NodeId, std::vector<EntryFacts>> Contexts;
  DenseMap<NodeId, std::vector<const CallSite *>> Callers;
  bool CallersCollected = false;
};

} // namespace

MemberValueSets memberValuesOf(CallGraph &G, ArrayRef<Summary> Summaries,
                               const Reachability &Reach,
                               const std::map<std::string, int64_t> &Assume) {
  StringSet<> Unseen = classesWithUnseenWriters(G, Summaries, Reach);
  // The stores of each candidate: a body's (with the body) or a static's definition (NoNode).
  StringMap<std::vector<std::pair<const MemberStore *, NodeId>>> Stores;
  StringSet<> Defined;
  for (const Summary &S : Summaries)
    for (const MemberStore &Init : S.StaticInits) {
      Defined.insert(Init.Field);
      Stores[Init.Field].emplace_back(&Init, NoNode);
    }
  // Members of classes whose methods are all in view; statics whose definition the program
  // holds (one it lacks starts from a value nobody wrote here), unless their class's methods
  // are not all in view.
  StringSet<> Candidates, UnseenStatics;
  for (const Summary &S : Summaries)
    for (const ModeClass &C : S.ModeClasses) {
      if (Unseen.contains(C.Name)) {
        for (const std::string &F : C.Statics)
          UnseenStatics.insert(F);
        continue;
      }
      for (const std::string &F : C.Fields)
        Candidates.insert(F);
    }
  for (const auto &Static : Defined)
    if (!UnseenStatics.contains(Static.getKey()))
      Candidates.insert(Static.getKey());
  for (NodeId U = 0; U < G.size(); ++U) {
    if (!Reach.reached(U) || !G.node(U).hasBody())
      continue;
    for (const MemberStore &S : G.node(U).Def->MemberStores)
      Stores[S.Field].emplace_back(&S, U);
  }
  StoreEvaluator Evaluate(G, Reach, Assume);
  MemberValueSets Known;
  for (unsigned Round = 0; Round < MaxRounds; ++Round) {
    MemberValueSets Next;
    for (const auto &[Field, List] : Stores) {
      if (!Candidates.contains(Field))
        continue;
      MemberFacts Facts;
      bool Decided = all_of(List, [&](const auto &Store) {
        return Evaluate.add(*Store.first, Store.second, Known, Facts);
      });
      std::vector<int64_t> &Values = Facts.Values;
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
