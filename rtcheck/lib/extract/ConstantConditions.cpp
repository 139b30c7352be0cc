//===- ConstantConditions.cpp - branches a constant condition rules out ---===//
#include "ConstantConditions.h"
#include "GuardForms.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// Deeper chains of constant-returning helpers are rare; the bound keeps recursion (and
/// recursive functions) finite.
constexpr unsigned MaxDepth = 6;

std::optional<bool> truthAt(const Expr *E, ASTContext &Ctx, unsigned Depth);

/// The value every run of S returns, when S is a statement list that reaches a `return` of a
/// known truth passing only empty statements and `if`s whose condition is known. Anything else
/// (a declaration, a call, a loop) could change what is returned or never return: unknown.
std::optional<bool> returnedBy(const Stmt *S, ASTContext &Ctx, unsigned Depth) {
  if (!S)
    return std::nullopt;
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    return Return->getRetValue() ? truthAt(Return->getRetValue(), Ctx, Depth) : std::nullopt;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (If->getInit() || If->getConditionVariable())
      return std::nullopt;
    std::optional<bool> Cond = truthAt(If->getCond(), Ctx, Depth);
    if (!Cond)
      return std::nullopt;
    return returnedBy(*Cond ? If->getThen() : If->getElse(), Ctx, Depth);
  }
  const auto *List = dyn_cast<CompoundStmt>(S);
  if (!List)
    return std::nullopt;
  for (const Stmt *Child : List->body()) {
    if (isa<NullStmt>(Child))
      continue;
    if (const auto *If = dyn_cast<IfStmt>(Child)) {
      // An `if` whose taken branch does not return falls through to the next statement.
      std::optional<bool> Cond = If->getInit() || If->getConditionVariable()
                                     ? std::nullopt
                                     : truthAt(If->getCond(), Ctx, Depth);
      if (!Cond)
        return std::nullopt;
      const Stmt *Taken = *Cond ? If->getThen() : If->getElse();
      if (!Taken || (isa<CompoundStmt>(Taken) && cast<CompoundStmt>(Taken)->body_empty()))
        continue;
      return guard_forms::mayExit(Taken) ? returnedBy(Taken, Ctx, Depth) : std::nullopt;
    }
    return returnedBy(Child, Ctx, Depth);
  }
  return std::nullopt;
}

/// A call whose callee is fixed at compile time and whose definition every translation unit
/// shares (inline, constexpr or a template instance), so no other definition can replace it.
const FunctionDecl *fixedInlineCallee(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return nullptr;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee); Method && Method->isVirtual())
    return nullptr;
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition) || !Definition->doesThisDeclarationHaveABody())
    return nullptr;
  if (!Definition->isInlined() && !Definition->isConstexpr() &&
      !Definition->isTemplateInstantiation())
    return nullptr;
  return Definition;
}

std::optional<bool> truthAt(const Expr *E, ASTContext &Ctx, unsigned Depth) {
  if (!E || E->isValueDependent() || E->isTypeDependent() || Depth > MaxDepth)
    return std::nullopt;
  bool Folded = false;
  if (E->EvaluateAsBooleanCondition(Folded, Ctx))
    return Folded;
  E = E->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(E); Not && Not->getOpcode() == UO_LNot) {
    if (std::optional<bool> Sub = truthAt(Not->getSubExpr(), Ctx, Depth))
      return !*Sub;
    return std::nullopt;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isLogicalOp()) {
    // The result is known when one side decides it: `false && x`, `x || true`.
    bool Decides = B->getOpcode() == BO_LOr;
    std::optional<bool> L = truthAt(B->getLHS(), Ctx, Depth);
    std::optional<bool> R = truthAt(B->getRHS(), Ctx, Depth);
    if ((L && *L == Decides) || (R && *R == Decides))
      return Decides;
    if (L && R)
      return !Decides;
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = fixedInlineCallee(Call))
      return returnedBy(Callee->getBody(), Ctx, Depth + 1);
  return std::nullopt;
}

} // namespace

std::optional<bool> knownTruth(const Expr *Cond, ASTContext &Ctx) {
  return truthAt(Cond, Ctx, 0);
}

bool ruledOut(const Expr *Cond, bool Taken, const Stmt *Branch, ASTContext &Ctx) {
  if (!Branch || guard_forms::containsLabel(Branch))
    return false;
  std::optional<bool> Truth = knownTruth(Cond, Ctx);
  return Truth && *Truth != Taken;
}

} // namespace rtcheck
