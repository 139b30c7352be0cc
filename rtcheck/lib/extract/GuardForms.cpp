//===- GuardForms.cpp - the condition language of guards -----------------===//
#include "GuardForms.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace guard_forms {

/// E without the parentheses and conversions that keep an integer's or a pointer's value (a
/// pointer cast, a widening integer conversion of the same signedness).
const Expr *withoutValueCasts(const Expr *E, const ASTContext &Ctx) {
  while (true) {
    E = E->IgnoreParens();
    const auto *Cast = dyn_cast<CastExpr>(E);
    if (!Cast)
      return E;
    const Expr *Sub = Cast->getSubExpr();
    QualType From = Sub->getType(), To = Cast->getType();
    switch (Cast->getCastKind()) {
    case CK_NoOp:
    case CK_BitCast:
    case CK_LValueToRValue:
      break;
    case CK_IntegralCast:
      if (Ctx.getIntWidth(To) < Ctx.getIntWidth(From) ||
          From->isSignedIntegerOrEnumerationType() != To->isSignedIntegerOrEnumerationType())
        return E;
      break;
    default:
      return E;
    }
    E = Sub;
  }
}

/// A goto label or a case label inside S: S can be entered without passing its guard.
bool containsLabel(const Stmt *S) {
  if (!S)
    return false;
  if (isa<LabelStmt>(S) || isa<SwitchCase>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (!isa_and_nonnull<LambdaExpr>(Child) && containsLabel(Child))
      return true;
  return false;
}

/// S may leave the enclosing statement list early (return, break, continue, goto, throw).
bool mayExit(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt, IndirectGotoStmt, CXXThrowExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (!isa_and_nonnull<LambdaExpr>(Child) && mayExit(Child))
      return true;
  return false;
}

/// S always leaves the statement list: it is, or ends with, a return, break, continue or throw.
bool alwaysExits(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return !CS->body_empty() && alwaysExits(CS->body_back());
  if (const auto *E = dyn_cast<ExprWithCleanups>(S))
    return alwaysExits(E->getSubExpr());
  return isa<ReturnStmt, BreakStmt, ContinueStmt, CXXThrowExpr>(S);
}

/// E calls a function (or constructs or destroys an object) somewhere.
bool makesCall(const Stmt *S) {
  if (!S)
    return false;
  if (isa<CallExpr, CXXConstructExpr, CXXNewExpr, CXXDeleteExpr, CXXBindTemporaryExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (makesCall(Child))
      return true;
  return false;
}

GuardAtom::OpKind negated(GuardAtom::OpKind Op) {
  switch (Op) {
  case GuardAtom::Eq:
    return GuardAtom::Ne;
  case GuardAtom::Ne:
    return GuardAtom::Eq;
  case GuardAtom::Lt:
    return GuardAtom::Ge;
  case GuardAtom::Le:
    return GuardAtom::Gt;
  case GuardAtom::Gt:
    return GuardAtom::Le;
  case GuardAtom::Ge:
    return GuardAtom::Lt;
  case GuardAtom::AnyBits:
    return GuardAtom::NoBits;
  case GuardAtom::NoBits:
    return GuardAtom::AnyBits;
  }
  llvm_unreachable("covered switch");
}

/// `K op x` read as `x op' K`.
GuardAtom::OpKind mirrored(GuardAtom::OpKind Op) {
  switch (Op) {
  case GuardAtom::Lt:
    return GuardAtom::Gt;
  case GuardAtom::Le:
    return GuardAtom::Ge;
  case GuardAtom::Gt:
    return GuardAtom::Lt;
  case GuardAtom::Ge:
    return GuardAtom::Le;
  default:
    return Op;
  }
}

/// (A1 and A2 ...) or (B1 and B2 ...) in conjunctive form; nothing known if either is unknown.
CNF disjoin(const CNF &A, const CNF &B) {
  if (A.empty() || B.empty() || A.size() * B.size() > MaxClauses)
    return {};
  CNF Out;
  for (const GuardClause &X : A)
    for (const GuardClause &Y : B) {
      if (X.size() + Y.size() > MaxAtoms)
        continue; // dropping a clause only weakens the conjunction
      GuardClause Z = X;
      append_range(Z, Y);
      Out.push_back(std::move(Z));
    }
  return Out;
}

CNF conjoin(CNF A, const CNF &B) {
  append_range(A, B);
  if (A.size() > MaxClauses)
    A.resize(MaxClauses);
  return A;
}

} // namespace guard_forms

std::optional<int64_t> constantValue(const Expr *E, ASTContext &Ctx) {
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  if (E->getType()->isPointerType() || E->getType()->isNullPtrType()) {
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return 0;
    // `(T *)0` and other constant null pointers that are not null pointer constants in C.
    Expr::EvalResult V;
    if (E->EvaluateAsRValue(V, Ctx) && V.Val.isLValue() && V.Val.isNullPointer())
      return 0;
    return std::nullopt;
  }
  Expr::EvalResult V;
  if (E->getType()->isIntegralOrEnumerationType() && E->EvaluateAsInt(V, Ctx) &&
      V.Val.getInt().isRepresentableByInt64())
    return V.Val.getInt().getExtValue();
  return std::nullopt;
}

} // namespace rtcheck
