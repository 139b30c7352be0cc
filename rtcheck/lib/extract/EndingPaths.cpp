//===- EndingPaths.cpp - statements on paths that end the program ---------===//
//
// A statement-level post-dominance test inside each compound statement: cheaper than building
// Clang's CFG for every body, and exact for the shapes real code uses (assert macros, `if (bad)
// { log; abort(); }`, a noreturn helper called last). Exceptions leaving a call are ignored, as
// in the CFG's own post-dominator tree.
//
//===----------------------------------------------------------------------===//
#include "EndingPaths.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtObjC.h"
#include "clang/Basic/Builtins.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// What S always ends in (a noreturn function's call, a trap), or null.
PathEnd endingCallee(const Stmt *S);

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

/// `do { ... } while (0)`, the statement macros are wrapped in: its body runs once.
bool runsOnce(const DoStmt *Do) {
  const auto *Lit = dyn_cast<IntegerLiteral>(Do->getCond()->IgnoreParenImpCasts());
  if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(Do->getCond()->IgnoreParenImpCasts()))
    return !B->getValue();
  return Lit && Lit->getValue() == 0;
}

/// S contains a loop (outside nested functions). A call in a loop before `exit()` runs many
/// times on the way there (a worker's `while (running) work(); exit(0);`): it is not marked.
bool containsLoop(const Stmt *S) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return false;
  if (isa<ForStmt, WhileStmt, CXXForRangeStmt>(S) || (isa<DoStmt>(S) && !runsOnce(cast<DoStmt>(S))))
    return true;
  for (const Stmt *Child : S->children())
    if (containsLoop(Child))
      return true;
  return false;
}

/// A breakpoint instruction alone: x86 `int3` / `int $3`, AArch64 `brk`, ARM `bkpt`, RISC-V
/// `ebreak`.
bool isTrapInstruction(StringRef Asm) {
  Asm = Asm.trim();
  if (Asm.consume_front("int")) {
    Asm = Asm.trim();
    return Asm == "3" || Asm == "$3" || Asm == "$0x3" || Asm == "$0x03";
  }
  return Asm.starts_with("brk") || Asm.starts_with("bkpt") || Asm == "ebreak";
}

/// A call that stops the program at a debugger trap: `__builtin_debugtrap()`, `__debugbreak()`,
/// `raise(SIGTRAP)` (SIGTRAP is 5 on every Linux architecture).
bool trapsDebugger(const CallExpr *CE, const ASTContext &Ctx) {
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return false;
  unsigned ID = FD->getBuiltinID();
  if (ID == Builtin::BI__builtin_debugtrap || FD->getName() == "__debugbreak")
    return true;
  Expr::EvalResult Signal;
  return FD->getName() == "raise" && FD->isExternC() && CE->getNumArgs() == 1 &&
         CE->getArg(0)->EvaluateAsInt(Signal, Ctx) && Signal.Val.getInt() == 5;
}

PathEnd endingCalleeOfExpr(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *C = dyn_cast<ExprWithCleanups>(E))
    return endingCalleeOfExpr(C->getSubExpr());
  if (const auto *C = dyn_cast<CastExpr>(E))
    return endingCalleeOfExpr(C->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->getOpcode() == BO_Comma) {
    if (PathEnd End = endingCalleeOfExpr(BO->getLHS()))
      return End;
    return endingCalleeOfExpr(BO->getRHS());
  }
  if (const auto *SE = dyn_cast<StmtExpr>(E))
    return endingCallee(SE->getSubStmt());
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *FD = CE->getDirectCallee(); FD && FD->isNoReturn())
      return FD;
    if (const FunctionDecl *FD = CE->getDirectCallee(); FD && trapsDebugger(CE, FD->getASTContext()))
      return static_cast<const Stmt *>(CE);
  }
  return nullptr;
}

/// The index of the first statement of a block that always ends in a noreturn call, and that
/// call's function; (Children.size(), null) when there is none.
std::pair<size_t, PathEnd> firstEnding(ArrayRef<Stmt *> Children) {
  for (size_t I = 0; I < Children.size(); ++I)
    if (PathEnd End = endingCallee(Children[I]))
      return {I, End};
  return {Children.size(), nullptr};
}

PathEnd endingCallee(const Stmt *S) {
  if (!S)
    return nullptr;
  if (const auto *E = dyn_cast<Expr>(S))
    return endingCalleeOfExpr(E);
  if (const auto *Asm = dyn_cast<GCCAsmStmt>(S); Asm && isTrapInstruction(Asm->getAsmString()))
    return S;
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
    PathEnd Then = endingCallee(If->getThen());
    return Then && endingCallee(If->getElse()) ? Then : nullptr;
  }
  if (const auto *A = dyn_cast<AttributedStmt>(S))
    return endingCallee(A->getSubStmt());
  // A macro's `do { report(); trap(); } while (0)`: a break inside would leave it early.
  if (const auto *Do = dyn_cast<DoStmt>(S); Do && runsOnce(Do) && !mayLeave(Do->getBody()))
    return endingCallee(Do->getBody());
  if (const auto *L = dyn_cast<LabelStmt>(S))
    return endingCallee(L->getSubStmt());
  if (const auto *SC = dyn_cast<SwitchCase>(S))
    return endingCallee(SC->getSubStmt());
  return nullptr;
}

void collect(const Stmt *S, DenseMap<const Stmt *, PathEnd> &Out) {
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
        if (PathEnd End = endingCallee(Branch))
          Out.try_emplace(Branch, End);
  }
  for (const Stmt *Child : S->children())
    collect(Child, Out);
}

} // namespace

DenseMap<const Stmt *, PathEnd> statementsEndingInNoReturn(const Stmt *Body) {
  DenseMap<const Stmt *, PathEnd> Out;
  collect(Body, Out);
  return Out;
}

bool exceptionsEndProgramIn(const FunctionDecl *FD) {
  const auto *Proto = FD->getType()->getAs<FunctionProtoType>();
  if (!Proto)
    return false;
  ExceptionSpecificationType Spec = Proto->getExceptionSpecType();
  // Sema settles a destructor's implicit `noexcept` only when something asks for it.
  if (isa<CXXDestructorDecl>(FD) &&
      (Spec == EST_None || Spec == EST_Unevaluated || Spec == EST_Uninstantiated))
    return true;
  return Proto->isNothrow();
}

bool containsTryBlock(const Stmt *S) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return false;
  if (isa<CXXTryStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsTryBlock(Child))
      return true;
  return false;
}

} // namespace rtcheck
