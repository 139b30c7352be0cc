//===- SitePruner.h - call sites that cannot run ---------------*- C++ -*-===//
//
// Part of the link step: which call sites of a body are ruled out by what is known on entry to
// the function. Four kinds of facts rule a site out (docs/constants.md):
// constant arguments the caller passes for the parameters the site's guards test (passed on
// through parameters handed down unchanged), `assume` facts about globals and members,
// members a method called just before the test leaves non-null under the arguments it gets
// (Function::LeavesNonNull), and function-local statics that setup code initialises before
// any root that reaches them is registered (SetupOrder.h).
//
// A function entered with different facts is walked once per distinct set of facts that its
// guards can use (its entry context), so a caller passing `block = 0` does not hide the
// `sem_wait` a caller passing `block = 1` reaches.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_SITEPRUNER_H
#define RTCHECK_LINK_SITEPRUNER_H

#include "rtcheck/link/CallGraph.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <optional>

namespace rtcheck {
class ValueBits;

/// Known parameter values on entry to a function, sorted by parameter index.
using EntryFacts = std::vector<std::pair<unsigned, int64_t>>;

/// What a callee knows on entry about the parameters in Used: a constant argument, or a caller's
/// parameter passed on unchanged whose value the Caller facts give. One step for call sites
/// (SitePruner) and for address-flow edges into parameters (FlowContexts).
EntryFacts factsPassedOn(llvm::ArrayRef<unsigned> Used,
                         llvm::ArrayRef<std::pair<unsigned, int64_t>> ConstArgs,
                         llvm::ArrayRef<std::pair<unsigned, unsigned>> ParamArgs,
                         const EntryFacts &Caller);

/// `V op K`: whether an atom holds for a known value V.
bool guardAtomHolds(GuardAtom::OpKind Op, int64_t V, int64_t K);
/// The parameter an atom reads (also through a paramMinusName subject), or -1.
int atomParam(const GuardAtom &A);

/// What the program's stores say about a member (#10, modes; MemberValues.h).
struct MemberFacts {
  std::vector<int64_t> Values; ///< every value a plain store gives it (never empty)
  /// Bits compound stores (`m &= ~K`, `m |= x`) may clear or set: when any, only bit tests
  /// are decided, by the bits every value has and no store clears (or none has and none sets).
  uint64_t MayClear = 0, MaySet = 0;
  /// The member may also hold any value below the largest of Values (a level counted down
  /// before it was stored, #10 levels): only tests an upper bound settles are decided.
  bool MayDecrease = false;
  /// A holds for every value the member can have (true), for none (false), or neither.
  std::optional<bool> decides(GuardAtom::OpKind Op, int64_t K) const;
  bool operator==(const MemberFacts &O) const {
    return Values == O.Values && MayClear == O.MayClear && MaySet == O.MaySet &&
           MayDecrease == O.MayDecrease;
  }
};

class SitePruner {
public:
  SitePruner(CallGraph &G, std::map<std::string, int64_t> Assume);

  /// The site C of function U cannot run when U is entered with Entry.
  bool ruledOut(NodeId U, const CallSite &C, const EntryFacts &Entry);
  /// The facts a call C of function U, entered with Caller, gives the callee Callee: only
  /// those about parameters the callee's guards, returns or hand-ons use.
  EntryFacts calleeFacts(NodeId U, const CallSite &C, NodeId Callee, const EntryFacts &Caller);

  /// Functions whose function-local statics are initialised before the roots reaching them run
  /// (SetupOrder.h): their sites that initialise those statics are ruled out.
  llvm::DenseSet<NodeId> StaticsReady;
  /// Sites that run only when a raise of the calling thread failed (ThreadRoots.h): the thread
  /// is not real-time there.
  llvm::DenseSet<const CallSite *> AfterFailedRaise;
  /// Every value each member decided by the program's stores can hold (MemberValues.h): a test
  /// that none of them passes rules its site out, a read of one that always gives the same
  /// value is a known return (#10, modes). Forgets the call results known without them.
  void decideMembers(std::map<std::string, MemberFacts> Values) {
    MemberValues = std::move(Values);
    Results.clear();
  }
  // --- the bits integer members can hold (#10, bridge; ValueBits.h) ---
  /// When set, a guard atom on a member that no value the program gives it satisfies is false.
  const ValueBits *Bits = nullptr;

private:
  // --- constants through return values (#10, newcode; ReturnFacts.cpp) ---
  /// The known results of a body's direct calls, by callResultName.
  using CallResults = std::map<std::string, int64_t>;
  /// What U's direct calls return when U is entered with Entry (memoised; a call whose result
  /// nothing in U reads is not evaluated).
  const CallResults &resultsOf(NodeId U, const EntryFacts &Entry, unsigned Depth = 0);
  /// The value every return of Callee that can run gives when it is entered with Entry.
  std::optional<int64_t> returnedValue(NodeId Callee, const EntryFacts &Entry, unsigned Depth);
  /// calleeFacts with the caller's known call results.
  EntryFacts factsFor(const CallSite &C, NodeId Callee, const EntryFacts &Caller,
                      const CallResults &Results);
  /// Some clause of Guards, of a site or return of U, is false under Entry, Results, the
  /// assume facts and the members U's calls leave non-null.
  bool falsified(NodeId U, const std::vector<GuardClause> &Guards, const EntryFacts &Entry,
                 const CallResults &Results) const;
  std::map<std::pair<NodeId, EntryFacts>, CallResults> Results;
  llvm::DenseMap<NodeId, bool> ReadsResults;

  std::optional<int64_t> valueOf(const GuardAtom &A, const EntryFacts &Entry,
                                 const CallResults &Results) const;

  // --- members a call leaves set (#10, rtapi; MembersLeftSet in extract) ---
  /// A member tested right after a call that may leave it non-null (memberAfterCallName).
  struct MemberAfterCall {
    const CallSite *Call;
    const MemberLeftSet *Set;
  };
  using AfterCallMap = llvm::StringMap<MemberAfterCall>;
  /// The atom A of a site of a body whose tested members are After is false.
  bool atomFalse(const GuardAtom &A, const EntryFacts &Entry, const CallResults &Results,
                 const AfterCallMap *After) const;
  bool differenceFalse(const GuardAtom &A, const std::pair<unsigned, llvm::StringRef> &Difference,
                       const EntryFacts &Entry) const;
  /// The call M.Call, made with the caller's Entry, leaves M.Set's member non-null.
  bool leftNonNull(const MemberAfterCall &M, const EntryFacts &Entry) const;
  /// Per body, its direct calls of methods that leave members non-null, by the guard names of
  /// those members right after each call.
  llvm::DenseMap<NodeId, AfterCallMap> AfterCalls;
  const std::vector<unsigned> &usedParams(NodeId N);

  // --- member values fixed by stores (#10, modes) ---
  std::map<std::string, MemberFacts> MemberValues;
  std::optional<int64_t> memberReturned(const ReturnSite &R) const;

  CallGraph &G;
  std::map<std::string, int64_t> Assume;
  llvm::DenseMap<NodeId, std::vector<unsigned>> Used;
};

} // namespace rtcheck

#endif
