//===- EntryReach.h - what the program's entries reach ----------*- C++ -*-===//
//
// Part of the link step, before the roots: the functions that can run at all, walked from the
// program's entries under the constant contexts of SitePruner.h. Two results come from it.
//
// Rapid type analysis counts a polymorphic class as having objects only where a constructor
// call of it can run: `openRtApi(LINUX_PULSE)` constructs `RtApiPulse`, and the `new RtApiAlsa`
// branch that the constant rules out does not make `RtApiAlsa` a class with objects. Newly
// reached code may construct more classes and resolve more virtual calls, so the walk repeats
// until nothing grows. It starts from no class with objects (except those made outside the
// program) in a closed world (VirtualTargets.h), so each round only adds what the previous one
// proved can run: the least fixpoint.
//
// Registration calls and thread creations make roots only in functions that can run: a program
// that never opens a stream never registers the library's stream callback.
//
// Entries: `main` and the plug-in entry points (Programs.h), functions called by initialisers
// of globals, functions whose address is taken (code outside the program may call them),
// overriders of a library's virtual methods, and the roots found so far (annotations,
// configuration, struct fields, overrides and the registrations already live). Bodies that the
// walk does not enter (trusted functions, functions a rule describes) are entries too. Classes
// whose objects may come from outside the program (library classes, constructors without a
// body) always have objects. A program with none of the named entry points (a library analysed
// alone, a firmware image with interrupt vectors) keeps the rule of VirtualTargets.h: a class
// has objects when any code of the program constructs it.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LINK_ENTRYREACH_H
#define RTCHECK_LINK_ENTRYREACH_H

#include "rtcheck/Link.h"
#include "rtcheck/link/CallGraph.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace rtcheck {

class SitePruner;

/// `main`, or an entry point that hosts look up in a loadable plugin (`lv2_descriptor`, ...):
/// its definition starts a program (Programs.h), and the program's code runs from it.
bool isProgramEntryName(llvm::StringRef Name);

/// Restricts G's created classes to those constructed by code that can run (see above) and
/// returns the functions that can run; std::nullopt (and G unchanged) when the program has no
/// named entry point.
std::optional<llvm::DenseSet<NodeId>>
reachFromEntries(CallGraph &G, llvm::ArrayRef<Summary> Summaries, const RuleSet &Rules,
                 const LinkOptions &Options, SitePruner &Pruner);

} // namespace rtcheck

#endif
