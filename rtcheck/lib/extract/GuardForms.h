//===- GuardForms.h - the condition language of guards -----------*- C++ -*-===//
//
// Private to the extraction (Guards.cpp, ReturnValues.cpp): the shapes of statements and
// conditions that guarded regions are read from, and the conjunctive normal form they are kept
// in. Kept apart from the region walk so that each stays readable.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_GUARDFORMS_H
#define RTCHECK_LIB_EXTRACT_GUARDFORMS_H

#include "rtcheck/Summary.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace rtcheck {

/// The integer value of E (a null pointer: 0) when it is a constant.
std::optional<int64_t> constantValue(const clang::Expr *E, clang::ASTContext &Ctx);

namespace guard_forms {
using namespace clang;
using namespace llvm;

/// A conjunction of clauses; empty: nothing known.
using CNF = std::vector<GuardClause>;

/// Larger conditions are not worth their summary space: they guard nothing.
inline constexpr size_t MaxClauses = 8, MaxAtoms = 8;

/// Parameters and local variables of the body whose every use is a read: their value at any
/// point is the value passed, or the one they were initialised with.
class VariableUses : public DynamicRecursiveASTVisitor {
public:
  // Lambda bodies count: a capture by reference can write the variable.
  explicit VariableUses(const FunctionDecl *FD) : FD(FD) { ShouldVisitImplicitCode = true; }

  bool VisitDeclRefExpr(DeclRefExpr *E) override {
    if (const VarDecl *V = ours(E->getDecl()))
      ++Uses[V];
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *E) override {
    if (E->getCastKind() != CK_LValueToRValue)
      return true;
    if (const auto *D = dyn_cast<DeclRefExpr>(E->getSubExpr()->IgnoreParens()))
      if (const VarDecl *V = ours(D->getDecl()))
        ++Reads[V];
    return true;
  }
  bool unchanged(const VarDecl *V) const {
    return !V->getType()->isReferenceType() && Uses.lookup(V) == Reads.lookup(V);
  }

  const FunctionDecl *FD;
  DenseMap<const VarDecl *, unsigned> Uses, Reads;

private:
  const VarDecl *ours(const Decl *D) const {
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V || V->getDeclContext() != FD)
      return nullptr;
    return isa<ParmVarDecl>(V) || V->hasLocalStorage() ? V : nullptr;
  }
};

/// E without the parentheses and conversions that keep an integer's or a pointer's value (a
/// pointer cast, a widening integer conversion of the same signedness).
const Expr *withoutValueCasts(const Expr *E, const ASTContext &Ctx);

/// A goto label or a case label inside S: S can be entered without passing its guard.
bool containsLabel(const Stmt *S);

/// S may leave the enclosing statement list early (return, break, continue, goto, throw).
bool mayExit(const Stmt *S);

/// S always leaves the statement list: it is, or ends with, a return, break, continue or throw.
bool alwaysExits(const Stmt *S);

/// E calls a function (or constructs or destroys an object) somewhere.
bool makesCall(const Stmt *S);

GuardAtom::OpKind negated(GuardAtom::OpKind Op);

/// `K op x` read as `x op' K`.
GuardAtom::OpKind mirrored(GuardAtom::OpKind Op);

/// (A1 and A2 ...) or (B1 and B2 ...) in conjunctive form; nothing known if either is unknown.
CNF disjoin(const CNF &A, const CNF &B);

CNF conjoin(CNF A, const CNF &B);

} // namespace guard_forms
} // namespace rtcheck

#endif
