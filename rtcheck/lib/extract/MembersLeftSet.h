//===- MembersLeftSet.h - pointer members a method leaves non-null -*- C++ -*-===//
//
// Private to the extraction. RtAudio's `openRtApi(api)` stores `new RtApiPulse` into `rtapi_`
// when `api == LINUX_PULSE`, so the caller's `if (rtapi_) return;` right after the call always
// returns under that constant and the fallback after it never runs. This pass finds, per method,
// the pointer members of `*this` that hold a non-null value on every normal return and the
// conditions on its parameters under which they do (Function::LeavesNonNull); the guards name the
// member's value after the call (memberAfterCallName) and the link step decides it.
//
// Sound by giving up: the walk follows the method's statement lists and `if`s only. A call, a
// loop or `switch` that calls or stores, a store of anything but a fresh `new`, `&x` or `this`,
// a store through another object, a member whose address is taken or bound to a reference, a
// return before the end, a `try`, a label or a local with a destructor forgets what is known
// (docs/constants.md).
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_MEMBERSLEFTSET_H
#define RTCHECK_LIB_EXTRACT_MEMBERSLEFTSET_H

#include "SummaryBuilder.h"

namespace rtcheck {

/// The pointer members of `*this` that FD, a method with a body, leaves non-null.
std::vector<MemberLeftSet> membersLeftNonNull(SummaryBuilder &B, const clang::FunctionDecl *FD);

} // namespace rtcheck

#endif
