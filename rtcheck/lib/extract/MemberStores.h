//===- MemberStores.h - what a body stores into integer members -*- C++ -*-===//
//
// Private to the extraction (#10, modes; docs/constants.md). Rubber Band's
// plug-ins construct their stretcher with `OptionProcessRealTime`, the constructor leaves
// `m_realtime` true, and `reconfigure()` calls `configure()` only `if (!m_realtime)`. The values a
// member can hold in a program are what the stores the program runs put there, so this pass
// records, per body, every store into an integer member of a class whose objects only its
// constructors create (MemberStore): what it stores (a constant, a parameter, a parameter's
// bits), under which conditions, and, for a constructor's initial value, when a later store of
// the same constructor replaces it before anything can read it.
//
// A compound bit store (`m &= ~mask`, `m |= x`) records the bits it may clear and may set.
// Sound by giving up: a store of anything else, an arithmetic compound assignment, an increment, the
// member's address taken or bound to a reference, a pointer to the object converted to `void *`
// or `char *` (bytes anyone may write), and a constructor that leaves the member uninitialised
// are stores of an unknown value, which keeps every test of the member live.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_MEMBERSTORES_H
#define RTCHECK_LIB_EXTRACT_MEMBERSTORES_H

#include "SummaryBuilder.h"

namespace rtcheck {

/// The stores FD's body (and, for a constructor, its initialisers) makes into integer members
/// of mode classes; adds those classes to the summary's ModeClasses once each.
std::vector<MemberStore> memberStoresOf(SummaryBuilder &B, const clang::FunctionDecl *FD);

/// The initial values of the private static integer members of mode classes that the TU
/// defines (Summary::StaticInits): the initialiser's value, 0 for none (static storage starts
/// zeroed), unknown for one that is not a constant.
void collectStaticInits(SummaryBuilder &B);

} // namespace rtcheck

#endif
