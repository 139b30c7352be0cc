//===- SitePruner.h - call sites that cannot run ---------------*- C++ -*-===//
//
// Part of the link step: which call sites of a body are ruled out by what is known on entry to
// the function. Four kinds of facts rule a site out (docs/analyzer.md "Constants and modes"):
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
#include <optional>

namespace rtcheck {

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

class SitePruner {
public:
  SitePruner(CallGraph &G, std::map<std::string, int64_t> Assume);

  /// The site C of function U cannot run when U is entered with Entry.
  bool ruledOut(NodeId U, const CallSite &C, const EntryFacts &Entry) const;
  /// The facts a call C with its caller entered with Caller gives the callee Callee: only
  /// those about parameters the callee's guards test or hands on.
  EntryFacts calleeFacts(const CallSite &C, NodeId Callee, const EntryFacts &Caller);

  /// Functions whose function-local statics are initialised before the roots reaching them run
  /// (SetupOrder.h): their sites that initialise those statics are ruled out.
  llvm::DenseSet<NodeId> StaticsReady;
  /// Sites that run only when a raise of the calling thread failed (ThreadRoots.h): the thread
  /// is not real-time there.
  llvm::DenseSet<const CallSite *> AfterFailedRaise;

private:
  /// A member tested right after a call that may leave it non-null (memberAfterCallName).
  struct MemberAfterCall {
    const CallSite *Call;
    const MemberLeftSet *Set;
  };
  using AfterCallMap = llvm::StringMap<MemberAfterCall>;

  std::optional<int64_t> valueOf(const GuardAtom &A, const EntryFacts &Entry) const;
  /// The atom A of a site of a body whose tested members are After is false with Entry.
  bool atomFalse(const GuardAtom &A, const EntryFacts &Entry, const AfterCallMap *After) const;
  /// The call M.Call, made with the caller's Entry, leaves M.Set's member non-null.
  bool leftNonNull(const MemberAfterCall &M, const EntryFacts &Entry) const;
  const std::vector<unsigned> &usedParams(NodeId N);

  CallGraph &G;
  std::map<std::string, int64_t> Assume;
  llvm::DenseMap<NodeId, std::vector<unsigned>> Used;
  /// Per body, its direct calls of methods that leave members non-null, by the guard names of
  /// those members right after each call.
  llvm::DenseMap<NodeId, AfterCallMap> AfterCalls;
};

} // namespace rtcheck

#endif
