//===- ThreadRoots.cpp - threads the program makes real-time --------------===//
#include "rtcheck/link/ThreadRoots.h"

#include "rtcheck/Rules.h"
#include "rtcheck/link/AddressFlow.h"
#include "rtcheck/link/ThreadWrapperCallers.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <set>

using namespace llvm;

namespace rtcheck {
namespace {

/// How deep below a start routine a raise of its own thread is looked for: FluidSynth's
/// `fluid_thread_high_prio` raises through `fluid_thread_self_set_prio` (depth 1).
constexpr unsigned RaiseSearchDepth = 3;

/// The thread rule of kind K naming the direct callee of C, if any.
const ThreadRule *ruleFor(const CallGraph &G, const RuleSet &Rules, const CallSite &C,
                          ThreadRule::Kind K) {
  if (C.Kind != CallKind::Direct || Rules.threads().empty())
    return nullptr;
  NodeId Callee = G.find(C.Callee);
  if (Callee == NoNode)
    return nullptr;
  StringRef Name = G.node(Callee).info().Name;
  for (const ThreadRule &R : Rules.threads())
    if (R.K == K && qualifiedMatch(R.Function, Name))
      return &R;
  return nullptr;
}

std::optional<int64_t> constArg(const CallSite &C, unsigned Index) {
  for (const auto &[I, V] : C.ConstArgs)
    if (I == Index)
      return V;
  return std::nullopt;
}

bool realtimePolicy(const CallSite &C, const ThreadRule &R) {
  std::optional<int64_t> Policy = constArg(C, R.Policy);
  return Policy && is_contained(R.Realtime, *Policy);
}

class ThreadRootFinder {
public:
  ThreadRootFinder(const CallGraph &G, ArrayRef<Summary> Summaries, const RuleSet &Rules,
                   const DenseSet<NodeId> *Live)
      : G(G), Summaries(Summaries), Rules(Rules), Live(Live) {}

  void fromFunction(const Function &F, function_ref<void(NodeId, StringRef)> Add) {
    for (const CallSite &C : F.Calls) {
      const ThreadRule *Create = ruleFor(G, Rules, C, ThreadRule::Create);
      if (!Create)
        continue;
      std::vector<const CallSite *> Policies;
      if (Create->Attributes)
        Policies = realtimePolicySites(F, C, *Create->Attributes);
      bool Raised = raisedByCreator(F, C, *Create);
      bool Attributes = !Policies.empty() || Raised;
      // The start routine named at the call, or passed down the user's own thread wrappers.
      std::vector<NodeId> Entries = G.flow().argumentValues(C, Create->Entry);
      // A policy its callers' constants may rule out: they decide which starts are real-time.
      std::optional<std::set<NodeId>> ByCaller;
      if (!Raised && !Policies.empty())
        ByCaller = realtimeStartsByCaller(G, Summaries, Live, G.find(F.USR), Policies, Entries);
      std::set<NodeId> Candidates(Entries.begin(), Entries.end());
      if (ByCaller)
        Candidates.insert(ByCaller->begin(), ByCaller->end());
      for (NodeId Entry : Candidates) {
        if (!G.node(Entry).hasBody())
          continue;
        bool RealtimeAttributes = Attributes && (!ByCaller || ByCaller->count(Entry));
        if (RealtimeAttributes || raisesItself(Entry, 0))
          Add(Entry, Create->Context.empty() ? StringRef(Rules.policy().DefaultContext)
                                             : StringRef(Create->Context));
      }
    }
  }

private:
  /// The calls of F that give the attribute object of the creating call C a real-time policy.
  std::vector<const CallSite *> realtimePolicySites(const Function &F, const CallSite &C,
                                                    unsigned AttrIndex) const {
    std::vector<const CallSite *> Out;
    auto Object = find_if(C.ObjectArgs, [&](const auto &A) { return A.first == AttrIndex; });
    if (Object == C.ObjectArgs.end())
      return Out;
    for (const CallSite &Set : F.Calls) {
      const ThreadRule *R = ruleFor(G, Rules, Set, ThreadRule::SetPolicy);
      if (R && realtimePolicy(Set, *R) &&
          is_contained(Set.ObjectArgs, std::pair{*R->Attributes, Object->second}))
        Out.push_back(&Set);
    }
    return Out;
  }

  /// The code that created a thread with C raises it afterwards: F, or a user function it calls
  /// directly (at most RaiseSearchDepth deep), calls a raise function on the handle C wrote
  /// (`pthread_create(&self->thread, ...)`, then `pthread_setschedparam(self->thread, SCHED_FIFO,
  /// ...)`: the same variable or field).
  bool raisedByCreator(const Function &F, const CallSite &C, const ThreadRule &Create) const {
    if (!Create.Handle)
      return false;
    auto Handle = find_if(C.ObjectArgs, [&](const auto &A) { return A.first == *Create.Handle; });
    if (Handle == C.ObjectArgs.end())
      return false;
    DenseSet<NodeId> Seen;
    return raisesHandle(F, Handle->second, 0, Seen);
  }

  bool raisesHandle(const Function &F, StringRef Handle, unsigned Depth,
                    DenseSet<NodeId> &Seen) const {
    for (const CallSite &S : F.Calls) {
      const ThreadRule *R = ruleFor(G, Rules, S, ThreadRule::Raise);
      // Only raise functions that name the thread by its handle (not by a process id).
      if (R && !R->SelfEquals && realtimePolicy(S, *R) &&
          is_contained(S.ObjectArgs, std::pair{R->SelfArgument, Handle.str()}))
        return true;
      NodeId Callee = S.Kind == CallKind::Direct ? G.find(S.Callee) : NoNode;
      if (Callee != NoNode && Depth < RaiseSearchDepth && G.node(Callee).isUser() &&
          G.node(Callee).hasBody() && Seen.insert(Callee).second &&
          raisesHandle(G.node(Callee).info(), Handle, Depth + 1, Seen))
        return true;
    }
    return false;
  }

  /// The user function Id raises its own thread, or a user function it calls directly does.
  bool raisesItself(NodeId Id, unsigned Depth) {
    if (auto It = Raises.find(Id); It != Raises.end())
      return It->second;
    Raises[Id] = false; // recursion
    bool Result = false;
    for (const CallSite &C : G.node(Id).info().Calls) {
      if (raisesCallingThread(G, Rules, C)) {
        Result = true;
        break;
      }
      NodeId Callee = C.Kind == CallKind::Direct ? G.find(C.Callee) : NoNode;
      if (Callee != NoNode && Depth < RaiseSearchDepth && G.node(Callee).isUser() &&
          raisesItself(Callee, Depth + 1)) {
        Result = true;
        break;
      }
    }
    // A negative answer below the top may be cut short by the depth: only positives are final.
    if (Result || Depth == 0)
      Raises[Id] = Result;
    else
      Raises.erase(Id);
    return Result;
  }

  const CallGraph &G;
  ArrayRef<Summary> Summaries;
  const RuleSet &Rules;
  const DenseSet<NodeId> *Live;
  DenseMap<NodeId, bool> Raises;
};

} // namespace

bool raisesCallingThread(const CallGraph &G, const RuleSet &Rules, const CallSite &C) {
  if (C.ConstArgs.empty()) // the policy is a constant
    return false;
  const ThreadRule *R = ruleFor(G, Rules, C, ThreadRule::Raise);
  if (!R || !realtimePolicy(C, *R))
    return false;
  if (R->SelfEquals)
    return constArg(C, R->SelfArgument) == R->SelfEquals;
  return any_of(C.CallArgs, [&](const auto &A) {
    return A.first == R->SelfArgument && qualifiedMatch(R->SelfCall, A.second);
  });
}

void findThreadRoots(const CallGraph &G, ArrayRef<Summary> Summaries, const RuleSet &Rules,
                     const DenseSet<NodeId> *Live, function_ref<void(NodeId, StringRef)> Add) {
  if (Rules.threads().empty())
    return;
  ThreadRootFinder Finder(G, Summaries, Rules, Live);
  for (const Summary &S : Summaries)
    for (const Function &F : S.Functions)
      if (F.HasBody && (!Live || Live->contains(G.find(F.USR))))
        Finder.fromFunction(F, Add);
}

} // namespace rtcheck
