//===- SetupOrder.h - statics initialised before a root runs ----*- C++ -*-===//
//
// Part of the link step. A function-local static is initialised by the first call of its
// function; afterwards a call only reads the guard (an acquire load). When setup code calls the
// function before it registers a root, the root only ever sees the initialised static, and the
// guard's slow path and the initialiser (a library loaded with dlopen, a message printed) are not
// hazards of the real-time thread. The registration happens-before the root's first run, so the
// argument holds whatever thread the setup runs on.
//
// The rule, conservative by construction: a function F's statics are ready for a root R when
// every call that passes R's address (each registration of R) is preceded, in its own function
// or, through every caller, further up, by an unconditional call that must reach F (a chain of
// unconditional direct calls), and F declares its statics unconditionally. A root that is a
// virtual method needs an object of its class first: for it, every call entering one of the
// class's constructors takes the place of the registrations (no such call, or objects made
// outside the program: not ready). A root handed out through a struct field is ordered by
// every place its address is taken (none outside function bodies). A non-static method of a
// polymorphic class runs only after a constructor of its class was entered, so what precedes
// every such entry precedes the method's body too, whoever calls it (#10, bridge). Other roots
// (annotations on plain functions, patterns, name rules) are never assumed registered after
// setup, and callers are only
// followed while the function cannot be entered from outside the program (address taken,
// overrides a library virtual, a root itself, called by a global's initialiser).
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_SETUPORDER_H
#define RTCHECK_LINK_SETUPORDER_H

#include "rtcheck/link/Reachability.h"
#include "llvm/ADT/DenseSet.h"

namespace rtcheck {

/// The reached functions whose statics are ready before every root reaching them runs.
llvm::DenseSet<NodeId> staticsInitialisedAtSetup(CallGraph &G, llvm::ArrayRef<Summary> Summaries,
                                                 const RootsFound &Roots,
                                                 const Reachability &Reach);

} // namespace rtcheck

#endif
