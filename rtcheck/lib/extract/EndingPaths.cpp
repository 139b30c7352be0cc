//===- EndingPaths.cpp - statements on paths that end the program ---------===//
//
// A statement-level post-dominance test inside each compound statement: cheaper than building
// Clang's CFG for every body, and exact for the shapes real code uses (assert macros, `if (bad)
// { log; abort(); }`, a noreturn helper called last). Exceptions leaving a call are ignored, as
// in the CFG's own post-dominator tree.
//
//===----------------------------------------------------------------------===//
#include "EndingPaths.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtObjC.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// The noreturn function whose call S always makes before finishing, or null.
const FunctionDecl *endingCallee(const Stmt *S);

/// S contains a jump that can leave it other than by falling through: return, goto, throw,
/// co_return, or a break/continue that is not caught by a loop or switch inside S.
bool mayLeave(const Stmt *S, bool InLoop = false, bool InSwitch = false) {
  if (!S)
    return false;
  if (isa<ReturnStmt, GotoStmt, IndirectGotoStmt, CXXThrowExpr, CoreturnStmt>(S))
    return true;
  if (isa<BreakStmt>(S))
    return !InLoop && !InSwitch;
  if (isa<ContinueStmt>(S))
    return !InLoop;
  if (isa<LambdaExpr, BlockExpr>(S))
    return false; // a jump in a nested function leaves only that function
  bool Loop = InLoop || isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
  bool Switch = InSwitch || isa<SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (mayLeave(Child, Loop, Switch))
      return true;
  return false;
}

/// S contains a loop (outside nested functions). A call in a loop before `exit()` runs many
/// times on the way there (a worker's `while (running) work(); exit(0);`): it is not marked.
bool containsLoop(const Stmt *S) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return false;
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsLoop(Child))
      return true;
  return false;
}

const FunctionDecl *endingCalleeOfExpr(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *C = dyn_cast<ExprWithCleanups>(E))
    return endingCalleeOfExpr(C->getSubExpr());
  if (const auto *C = dyn_cast<CastExpr>(E))
    return endingCalleeOfExpr(C->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->getOpcode() == BO_Comma) {
    if (const FunctionDecl *FD = endingCalleeOfExpr(BO->getLHS()))
      return FD;
    return endingCalleeOfExpr(BO->getRHS());
  }
  if (const auto *SE = dyn_cast<StmtExpr>(E))
    return endingCallee(SE->getSubStmt());
  if (const auto *CE = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *FD = CE->getDirectCallee(); FD && FD->isNoReturn())
      return FD;
  return nullptr;
}

/// The index of the first statement of a block that always ends in a noreturn call, and that
/// call's function; (Children.size(), null) when there is none.
std::pair<size_t, const FunctionDecl *> firstEnding(ArrayRef<Stmt *> Children) {
  for (size_t I = 0; I < Children.size(); ++I)
    if (const FunctionDecl *FD = endingCallee(Children[I]))
      return {I, FD};
  return {Children.size(), nullptr};
}

const FunctionDecl *endingCallee(const Stmt *S) {
  if (!S)
    return nullptr;
  if (const auto *E = dyn_cast<Expr>(S))
    return endingCalleeOfExpr(E);
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    ArrayRef<Stmt *> Children(CS->body_begin(), CS->body_end());
    auto [At, FD] = firstEnding(Children);
    for (size_t I = 0; FD && I < At; ++I)
      if (mayLeave(Children[I]))
        return nullptr;
    return FD;
  }
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (!If->getElse() || mayLeave(If->getCond()))
      return nullptr;
    const FunctionDecl *Then = endingCallee(If->getThen());
    return Then && endingCallee(If->getElse()) ? Then : nullptr;
  }
  if (const auto *A = dyn_cast<AttributedStmt>(S))
    return endingCallee(A->getSubStmt());
  if (const auto *L = dyn_cast<LabelStmt>(S))
    return endingCallee(L->getSubStmt());
  if (const auto *SC = dyn_cast<SwitchCase>(S))
    return endingCallee(SC->getSubStmt());
  return nullptr;
}

void collect(const Stmt *S, DenseMap<const Stmt *, const FunctionDecl *> &Out) {
  if (!S)
    return;
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    ArrayRef<Stmt *> Children(CS->body_begin(), CS->body_end());
    auto [At, FD] = firstEnding(Children);
    if (FD) {
      // Statements before the last one that may leave the block are not post-dominated.
      size_t From = 0;
      for (size_t I = 0; I < At; ++I)
        if (mayLeave(Children[I]))
          From = I + 1;
      for (size_t I = From; I <= At; ++I)
        if (!containsLoop(Children[I]))
          Out.try_emplace(Children[I], FD);
    }
  } else if (const auto *If = dyn_cast<IfStmt>(S)) {
    // An unbraced branch: `if (bad) die(describe(x));`.
    for (const Stmt *Branch : {If->getThen(), If->getElse()})
      if (Branch && !isa<CompoundStmt>(Branch) && !containsLoop(Branch))
        if (const FunctionDecl *FD = endingCallee(Branch))
          Out.try_emplace(Branch, FD);
  }
  for (const Stmt *Child : S->children())
    collect(Child, Out);
}

} // namespace

DenseMap<const Stmt *, const FunctionDecl *> statementsEndingInNoReturn(const Stmt *Body) {
  DenseMap<const Stmt *, const FunctionDecl *> Out;
  collect(Body, Out);
  return Out;
}

} // namespace rtcheck
