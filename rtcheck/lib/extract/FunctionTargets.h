//===- FunctionTargets.h - std::function targets kept in place --*- C++ -*-===//
//
// Private to the extraction (#10 item 2: "a std::function object calls only what was stored
// into it"). A std::function's destructor calls its manager through a pointer, which the link
// step can only resolve by type: to every manager of that signature in the program, some of
// which free a heap-stored target. A temporary built right there from a callable that the
// library keeps inside the object (trivially copyable and no larger than two pointers: libstdc++'s
// `__stored_locally`, within libc++'s three-pointer buffer too) destroys nothing that allocated,
// and a temporary is never assigned another target, so its destructor is not a call site.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_FUNCTIONTARGETS_H
#define RTCHECK_LIB_EXTRACT_FUNCTIONTARGETS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

namespace rtcheck {

/// E is a `std::function` temporary constructed from a callable kept in place (or from
/// nothing): destroying it frees nothing.
bool holdsTargetInPlace(const clang::CXXBindTemporaryExpr *E, clang::ASTContext &Ctx);

} // namespace rtcheck

#endif
