//===- CheckedObjects.cpp - objects a condition proves non-empty ----------===//
#include "CheckedObjects.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {

const ValueDecl *checkedObjectOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  return nullptr;
}

void objectsCheckedBy(const Expr *Cond, bool Negated, SmallVectorImpl<const ValueDecl *> &Out) {
  if (!Cond)
    return;
  const Expr *E = Cond->IgnoreParenCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_LNot)
    return objectsCheckedBy(U->getSubExpr(), !Negated, Out);
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    // `a && b` true: both hold; `a || b` false: both fail.
    if (BO->getOpcode() == (Negated ? BO_LOr : BO_LAnd)) {
      objectsCheckedBy(BO->getLHS(), Negated, Out);
      objectsCheckedBy(BO->getRHS(), Negated, Out);
    }
    return;
  }
  if (Negated)
    return;
  // `if (f)`: the implicit `f.operator bool()`.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const auto *Conv = dyn_cast_or_null<CXXConversionDecl>(MC->getMethodDecl());
        Conv && Conv->getConversionType()->isBooleanType())
      if (const ValueDecl *D = checkedObjectOf(MC->getImplicitObjectArgument()))
        Out.push_back(D);
}

/// The statement never falls through: it returns, throws, breaks or continues.
static bool leaves(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, BreakStmt, ContinueStmt, CXXThrowExpr>(S))
    return true;
  if (const auto *C = dyn_cast<CompoundStmt>(S))
    return !C->body_empty() && leaves(C->body_back());
  return false;
}

void objectsCheckedAfter(const Stmt *S, SmallVectorImpl<const ValueDecl *> &Out) {
  const auto *If = dyn_cast_or_null<IfStmt>(S);
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable() || !leaves(If->getThen()))
    return;
  objectsCheckedBy(If->getCond(), /*Negated=*/true, Out);
}

} // namespace rtcheck
