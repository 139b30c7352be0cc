//===- ThreadRoots.h - threads the program makes real-time ------*- C++ -*-===//
//
// A start routine given to a thread-creating call is a real-time root when the thread is created
// with a real-time policy in its attributes (set in the same function on the same attribute
// object), when the routine raises its own thread, directly or through the user functions it
// calls, or when the code that created it raises it through its handle. Which calls count is data: the rules' `realtime_threads[]` (docs/rules-format.md).
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_THREADROOTS_H
#define RTCHECK_LINK_THREADROOTS_H

#include "rtcheck/link/CallGraph.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace rtcheck {

/// C gives the calling thread a real-time policy (a `raise` rule with its `self` argument and a
/// real-time constant policy). Not a finding: it is the thread becoming real-time.
bool raisesCallingThread(const CallGraph &G, const RuleSet &Rules, const CallSite &C);

/// The call sites that run only when a raise of the calling thread failed (`if
/// (pthread_setschedparam(pthread_self(), SCHED_FIFO, &p) == 0) return;` then a fallback): the
/// thread is not real-time there, so they are not followed (docs/analyzer.md "Roots").
llvm::DenseSet<const CallSite *> sitesAfterFailedRaise(const CallGraph &G,
                                                       llvm::ArrayRef<Summary> Summaries,
                                                       const RuleSet &Rules);

/// Calls Add(start routine, context) for every real-time thread the program creates (in the
/// functions of Live only, when given).
void findThreadRoots(const CallGraph &G, llvm::ArrayRef<Summary> Summaries, const RuleSet &Rules,
                     const llvm::DenseSet<NodeId> *Live,
                     llvm::function_ref<void(NodeId, llvm::StringRef)> Add);

} // namespace rtcheck

#endif
