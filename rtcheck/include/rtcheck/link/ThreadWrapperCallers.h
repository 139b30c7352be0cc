//===- ThreadWrapperCallers.h - real-time threads decided by a wrapper's callers -*- C++ -*-===//
//
// A project's thread wrapper often sets a real-time policy only when its caller asks for one
// (libsoundio's `soundio_os_thread_create(run, arg, emit_rtprio_warning, &t)` sets SCHED_FIFO
// under `if (emit_rtprio_warning)`; a device-watch thread is created with NULL), and often starts
// a fixed trampoline that calls the start function it stored in a struct
// (`run_pthread(t) { t->run(t->arg); }`). Taken alone, the wrapper makes every start function of
// every caller real-time through the trampoline. Here the wrapper's direct callers decide: a
// caller whose constant arguments falsify the guards of every policy-setting call creates a
// thread that is not real-time, and the start functions the real-time callers pass stand for the
// trampoline.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_THREADWRAPPERCALLERS_H
#define RTCHECK_LINK_THREADWRAPPERCALLERS_H

#include "rtcheck/link/CallGraph.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>
#include <set>

namespace rtcheck {

/// The start routines that run on a real-time thread, of those (Entries) given to a thread-creating
/// call in the user function Wrapper whose real-time policy is set by the calls Policies. Nothing
/// (keep Entries as they are) unless some direct caller of Wrapper in the program (in Live, when
/// given) passes constants that rule out every one of Policies.
std::optional<std::set<NodeId>>
realtimeStartsByCaller(const CallGraph &G, llvm::ArrayRef<Summary> Summaries,
                       const llvm::DenseSet<NodeId> *Live, NodeId Wrapper,
                       llvm::ArrayRef<const CallSite *> Policies, llvm::ArrayRef<NodeId> Entries);

} // namespace rtcheck

#endif
