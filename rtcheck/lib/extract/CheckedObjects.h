//===- CheckedObjects.h - objects a condition proves non-empty --*- C++ -*-===//
//
// Private to the extraction. `if (f) f(x);` calls a std::function that cannot be empty, so its
// bad_function_call cannot be thrown (rules' `unless_checked`). These helpers read which objects
// a condition checks through their `operator bool`; CallSites.cpp keeps them while it walks the
// code the condition guards.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_CHECKEDOBJECTS_H
#define RTCHECK_LIB_EXTRACT_CHECKEDOBJECTS_H

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"

namespace rtcheck {

/// The variable or field an object expression names (`f`, `this->cb_`, `s.cb`), or null.
const clang::ValueDecl *checkedObjectOf(const clang::Expr *E);

/// Appends the objects that are non-empty when Cond is true (Negated: when Cond is false):
/// `f`, `(bool)f`, `f && g` (both), `!f` negated, `!f || !g` negated (both).
void objectsCheckedBy(const clang::Expr *Cond, bool Negated,
                      llvm::SmallVectorImpl<const clang::ValueDecl *> &Out);

/// For `if (!f) return;` (or break, continue, throw, a block ending in one): appends the objects
/// that are non-empty after the statement.
void objectsCheckedAfter(const clang::Stmt *S,
                         llvm::SmallVectorImpl<const clang::ValueDecl *> &Out);

} // namespace rtcheck

#endif
