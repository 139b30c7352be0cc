//===- ThreadRoots.cpp - threads the program makes real-time --------------===//
#include "rtcheck/link/ThreadRoots.h"

#include "rtcheck/Rules.h"
#include "rtcheck/link/AddressFlow.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

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
  ThreadRootFinder(const CallGraph &G, const RuleSet &Rules) : G(G), Rules(Rules) {}

  void fromFunction(const Function &F, function_ref<void(NodeId, StringRef)> Add) {
    for (const CallSite &C : F.Calls) {
      const ThreadRule *Create = ruleFor(G, Rules, C, ThreadRule::Create);
      if (!Create)
        continue;
      bool Attributes = (Create->Attributes && realtimeAttributes(F, C, *Create->Attributes)) ||
                        raisedByCreator(F, C, *Create);
      // The start routine named at the call, or passed down the user's own thread wrappers.
      for (NodeId Entry : G.flow().argumentValues(C, Create->Entry)) {
        if (!G.node(Entry).hasBody())
          continue;
        if (Attributes || raisesItself(Entry, 0))
          Add(Entry, Create->Context.empty() ? StringRef(Rules.policy().DefaultContext)
                                             : StringRef(Create->Context));
      }
    }
  }

private:
  /// The attribute object given to the creating call C also got a real-time policy in F.
  bool realtimeAttributes(const Function &F, const CallSite &C, unsigned AttrIndex) const {
    auto Object = find_if(C.ObjectArgs, [&](const auto &A) { return A.first == AttrIndex; });
    if (Object == C.ObjectArgs.end())
      return false;
    return any_of(F.Calls, [&](const CallSite &Set) {
      const ThreadRule *R = ruleFor(G, Rules, Set, ThreadRule::SetPolicy);
      return R && realtimePolicy(Set, *R) &&
             is_contained(Set.ObjectArgs, std::pair{*R->Attributes, Object->second});
    });
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
  const RuleSet &Rules;
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
  ThreadRootFinder Finder(G, Rules);
  for (const Summary &S : Summaries)
    for (const Function &F : S.Functions)
      if (F.HasBody && (!Live || Live->contains(G.find(F.USR))))
        Finder.fromFunction(F, Add);
}

} // namespace rtcheck
