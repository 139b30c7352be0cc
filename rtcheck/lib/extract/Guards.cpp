//===- Guards.cpp - what running a statement implies ----------------------===//
#include "Guards.h"
#include "GuardForms.h"

#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
using namespace guard_forms;

namespace {

/// The global or member E reads, through value-keeping casts (`g_flag`, `s.cb`, `(F)info.cb`).
const ValueDecl *variableReadBy(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  while (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
    CastKind K = Cast->getCastKind();
    if (K != CK_BitCast && K != CK_NoOp)
      return nullptr;
    E = Cast->getSubExpr()->IgnoreParenImpCasts();
  }
  const ValueDecl *D = nullptr;
  if (const auto *DR = dyn_cast<DeclRefExpr>(E))
    D = DR->getDecl();
  else if (const auto *ME = dyn_cast<MemberExpr>(E))
    D = ME->getMemberDecl();
  if (const auto *VD = dyn_cast_or_null<VarDecl>(D);
      VD && VD->hasGlobalStorage() && !VD->isStaticLocal())
    return VD;
  return dyn_cast_or_null<FieldDecl>(D);
}

} // namespace

/// Walks a body once and records the region of every guarded statement.
class RegionFinder : public DynamicRecursiveASTVisitor {
public:
  RegionFinder(SummaryBuilder &B, GuardRegions &R) : B(B), Ctx(B.Ctx), R(R) {
    ShouldVisitImplicitCode = true;
    ShouldVisitLambdaBody = false; // a lambda body is its own function
  }

  bool TraverseCXXRecordDecl(CXXRecordDecl *) override { return true; }
  bool TraverseRecordDecl(RecordDecl *) override { return true; }

  bool VisitIfStmt(IfStmt *S) override {
    if (S->isConsteval() || S->getConditionVariable())
      return true;
    guard(S->getThen(), truth(S->getCond(), true));
    guard(S->getElse(), truth(S->getCond(), false));
    return true;
  }

  bool VisitConditionalOperator(ConditionalOperator *E) override {
    guard(E->getTrueExpr(), truth(E->getCond(), true));
    guard(E->getFalseExpr(), truth(E->getCond(), false));
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *E) override {
    if (E->getOpcode() == BO_LAnd)
      guard(E->getRHS(), truth(E->getLHS(), true));
    else if (E->getOpcode() == BO_LOr)
      guard(E->getRHS(), truth(E->getLHS(), false));
    return true;
  }

  // Loop bodies may not run; a throw can end a try block part way and its handler resume.
  bool VisitWhileStmt(WhileStmt *S) override { return conditional(S->getBody()); }
  bool VisitDoStmt(DoStmt *S) override { return conditional(S->getBody()); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) override { return conditional(S->getBody()); }
  bool VisitForStmt(ForStmt *S) override {
    conditional(S->getInc());
    return conditional(S->getBody());
  }
  bool VisitCXXCatchStmt(CXXCatchStmt *S) override { return conditional(S->getHandlerBlock()); }
  bool VisitCXXTryStmt(CXXTryStmt *S) override { return conditional(S->getTryBlock()); }

  /// `switch (p) { case K: ... }`: a statement runs for the case values whose labels come
  /// before it since the last unconditional break or return; after `default:` for any value.
  bool VisitSwitchStmt(SwitchStmt *S) override {
    const auto *Body = dyn_cast_or_null<CompoundStmt>(S->getBody());
    if (!Body) {
      guard(S->getBody(), {});
      return true;
    }
    std::optional<GuardAtom> Subject = S->getConditionVariable() ? std::nullopt
                                                                 : subject(S->getCond());
    unsigned Cases = 0, TopLevel = 0;
    for (const SwitchCase *C = S->getSwitchCaseList(); C; C = C->getNextSwitchCase())
      ++Cases;
    for (const Stmt *Child : Body->body())
      for (const Stmt *X = Child; const auto *SC = dyn_cast<SwitchCase>(X); X = SC->getSubStmt())
        ++TopLevel;
    bool Understood = Subject && Cases == TopLevel && !hasGotoLabel(Body);
    // `default:` runs for the values no case names, when every case value is known.
    CNF NoCase;
    for (const SwitchCase *C = S->getSwitchCaseList(); Understood && C; C = C->getNextSwitchCase())
      if (const auto *Case = dyn_cast<CaseStmt>(C)) {
        std::optional<int64_t> K = caseValue(Case);
        if (!K || NoCase.size() >= MaxClauses) {
          NoCase.clear();
          break;
        }
        GuardAtom A = *Subject;
        A.Op = GuardAtom::Ne;
        A.Value = *K;
        NoCase.push_back({std::move(A)});
      }
    GuardClause Values; // the case values that reach this point
    bool Default = false; // reached from `default:` only
    bool Any = false;     // reached in ways the guards do not express
    for (const Stmt *Child : Body->body()) {
      const Stmt *Inner = Child;
      while (const auto *SC = dyn_cast<SwitchCase>(Inner)) {
        const auto *Case = dyn_cast<CaseStmt>(SC);
        std::optional<int64_t> K = Case ? caseValue(Case) : std::nullopt;
        if (!Case) {
          // A default label reached by falling through from a case label is not expressed.
          Default = Values.empty() && !Any && !NoCase.empty();
          Any = !Default;
        } else if (!K || Default) {
          Any = true;
        } else if (Subject) {
          GuardAtom A = *Subject;
          A.Op = GuardAtom::Eq;
          A.Value = *K;
          Values.push_back(std::move(A));
        }
        Inner = SC->getSubStmt();
      }
      CNF Holds;
      if (Understood && !Any && Default)
        Holds = NoCase;
      else if (Understood && !Any && !Values.empty() && Values.size() <= MaxAtoms)
        Holds = {Values};
      guard(Inner, Holds);
      if (Inner != Child)
        guard(Child, {});
      if (isa<BreakStmt, ReturnStmt>(Inner)) {
        Values.clear();
        Default = Any = false;
      }
    }
    return true;
  }

  /// After `if (c) return;` the rest of the statement list runs only when !c, after
  /// `if (c) { ...; if (d) return; }` only when !c or !d; after any statement that may leave the
  /// list, the rest is conditional.
  bool VisitCompoundStmt(CompoundStmt *S) override {
    CNF Holds;
    bool Exited = false, Jumped = false;
    const Stmt *Prev = nullptr;
    for (const Stmt *Child : S->body()) {
      if (containsLabel(Child))
        Jumped = true;
      if (Exited)
        sequel(Child, Jumped ? CNF{} : Holds);
      Holds = conjoin(std::move(Holds), completes(Child, Prev));
      Exited = Exited || mayExit(Child);
      Prev = Child;
    }
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) override {
    if (VD->isStaticLocal() && VD->getInit() && Ctx.getLangOpts().CPlusPlus) {
      // Not conditional by itself: its calls are unconditional when they run whenever the
      // initialisation does (the guard's own site says whether the declaration always runs).
      R.Regions[VD->getInit()].StaticInit = R.staticName(VD);
      R.Regions[VD->getInit()].Conditional = false;
    }
    return true;
  }

  /// What holds once S, which follows Prev in a statement list, has run to its end: the
  /// conditions of the early exits it contains, tested in `if`s at the top level of S or of
  /// their branches. Nothing is known of other statements, nor of a branch a label can enter.
  CNF completes(const Stmt *S, const Stmt *Prev, unsigned Depth = 0) {
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || If->getConditionVariable() || If->isConsteval() || Depth > MaxNesting)
      return {};
    // A member tested right after a method call on `*this` is what the call left in it, unless
    // the condition or an initialiser calls something first.
    Preceding = If->getInit() || makesCall(If->getCond()) ? nullptr : Prev;
    CNF Taken = truth(If->getCond(), true), NotTaken = truth(If->getCond(), false);
    Preceding = nullptr;
    bool ThenEnds = alwaysExits(If->getThen());
    bool ElseEnds = If->getElse() && alwaysExits(If->getElse());
    if (ThenEnds && ElseEnds)
      return {};
    if (ThenEnds)
      return conjoin(NotTaken, branchCompletes(If->getElse(), Depth));
    if (ElseEnds)
      return conjoin(Taken, branchCompletes(If->getThen(), Depth));
    CNF Then = branchCompletes(If->getThen(), Depth);
    return If->getElse() ? disjoin(Then, branchCompletes(If->getElse(), Depth))
                         : disjoin(Then, NotTaken);
  }

  /// What holds once the branch B has run to its end (nothing known for a missing branch).
  CNF branchCompletes(const Stmt *B, unsigned Depth) {
    if (!B || containsLabel(B))
      return {};
    const auto *CS = dyn_cast<CompoundStmt>(B);
    if (!CS)
      return completes(B, nullptr, Depth + 1);
    CNF Holds;
    const Stmt *Prev = nullptr;
    for (const Stmt *Child : CS->body()) {
      Holds = conjoin(std::move(Holds), completes(Child, Prev, Depth + 1));
      Prev = Child;
    }
    return Holds;
  }

private:
  /// Nested `if`s looked into for the conditions of their early exits.
  static constexpr unsigned MaxNesting = 8;

  std::optional<int64_t> caseValue(const CaseStmt *Case) const {
    Expr::EvalResult V;
    if (Case->caseStmtIsGNURange() || !Case->getLHS()->EvaluateAsInt(V, Ctx) ||
        !V.Val.getInt().isRepresentableByInt64())
      return std::nullopt;
    return V.Val.getInt().getExtValue();
  }

public:
  static bool hasGotoLabel(const Stmt *S) {
    if (!S)
      return false;
    if (isa<LabelStmt>(S))
      return true;
    for (const Stmt *Child : S->children())
      if (hasGotoLabel(Child))
        return true;
    return false;
  }

private:
  bool conditional(const Stmt *S) {
    guard(S, {});
    return true;
  }

  /// Marks S as a conditional region that runs only when Holds holds (in addition to any
  /// region it is already). A region a label can jump into is conditional only.
  void guard(const Stmt *S, CNF Holds) {
    if (!S)
      return;
    GuardRegions::Region &Reg = R.Regions[S];
    Reg.Conditional = true;
    if (containsLabel(S))
      return;
    append_range(Reg.Clauses, Holds);
  }

  /// Marks S as running only when Holds holds, without making it conditional: a statement after
  /// an early exit still runs whenever the body runs up to it.
  void sequel(const Stmt *S, const CNF &Holds) {
    GuardRegions::Region &Reg = R.Regions.try_emplace(S, GuardRegions::Region{{}, false, {}})
                                    .first->second;
    append_range(Reg.Clauses, Holds);
  }

  /// The parameter or variable E reads, as an atom without operator and value.
  std::optional<GuardAtom> subject(const Expr *E) const {
    E = E->IgnoreParenImpCasts();
    QualType T = E->getType();
    if (!(T->isIntegralOrEnumerationType() || T->isPointerType()))
      return std::nullopt;
    GuardAtom A;
    if (int P = R.unchangedParam(E); P >= 0) {
      A.Param = P;
      return A;
    }
    // The result of a direct call made in the condition, or kept in a local variable: the
    // callee's returns may decide it, and the link step knows what a raise of the calling
    // thread returns when it fails (docs/analyzer.md).
    if (std::string Result = R.callResultOf(E); !Result.empty()) {
      A.Var = std::move(Result);
      return A;
    }
    const ValueDecl *D = variableReadBy(E);
    if (const auto *DR = dyn_cast<DeclRefExpr>(E); !D && DR)
      if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()))
        D = R.LocalCopies.lookup(V);
    if (D)
      A.Var = D->getQualifiedNameAsString();
    if (A.Var.empty())
      return std::nullopt;
    return A;
  }

  /// E reads a member of `*this` and the statement before the test is a call of a method on
  /// `*this`: the name of the member's value right after that call (memberAfterCallName).
  std::string memberAfterCall(const Expr *E) const {
    const auto *ME = dyn_cast<MemberExpr>(E);
    const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    const auto *Prev = dyn_cast_or_null<Expr>(Preceding);
    if (!Field || !Prev || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return {};
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Prev))
      Prev = Cleanups->getSubExpr();
    const auto *Call = dyn_cast<CXXMemberCallExpr>(Prev->IgnoreParens());
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method || !isa<CXXThisExpr>(Call->getImplicitObjectArgument()->IgnoreParenImpCasts()))
      return {};
    return memberAfterCallName(Field->getQualifiedNameAsString(),
                               B.usrOf(Method->getCanonicalDecl()), B.loc(Call->getExprLoc()));
  }

  std::optional<int64_t> constant(const Expr *E) const { return constantValue(E, Ctx); }

  /// What the truth (Positive) or falsity of E says, in conjunctive form.
public:
  CNF truth(const Expr *E, bool Positive) const {
    E = E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_LNot)
      return truth(U->getSubExpr(), !Positive);
    if (std::optional<CNF> Bits = bitTest(E, Positive))
      return *Bits;
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      switch (B->getOpcode()) {
      case BO_LAnd:
        return Positive ? conjoin(truth(B->getLHS(), true), truth(B->getRHS(), true))
                        : disjoin(truth(B->getLHS(), false), truth(B->getRHS(), false));
      case BO_LOr:
        return Positive ? disjoin(truth(B->getLHS(), true), truth(B->getRHS(), true))
                        : conjoin(truth(B->getLHS(), false), truth(B->getRHS(), false));
      case BO_EQ:
        return comparison(B, GuardAtom::Eq, Positive);
      case BO_NE:
        return comparison(B, GuardAtom::Ne, Positive);
      case BO_LT:
        return comparison(B, GuardAtom::Lt, Positive);
      case BO_LE:
        return comparison(B, GuardAtom::Le, Positive);
      case BO_GT:
        return comparison(B, GuardAtom::Gt, Positive);
      case BO_GE:
        return comparison(B, GuardAtom::Ge, Positive);
      default:
        return {};
      }
    }
    std::optional<GuardAtom> A = subject(E);
    if (!A)
      return {};
    A->Op = Positive ? GuardAtom::Ne : GuardAtom::Eq;
    A->Value = 0;
    return withAfterCall(E, *A);
  }

private:
  // --- bit tests (#10, modes) ---
  /// `x & K`, `(x & K) != 0` and `(x & K) == 0` for a subject x and a constant K: an AnyBit or
  /// NoBit atom; nothing when E has none of these shapes.
  std::optional<CNF> bitTest(const Expr *E, bool Positive) const {
    const auto *B = dyn_cast<BinaryOperator>(E);
    if (B && (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE)) {
      const Expr *L = B->getLHS()->IgnoreParenImpCasts(), *R = B->getRHS()->IgnoreParenImpCasts();
      if (constant(L) == 0)
        std::swap(L, R);
      if (constant(R) != 0 || !isBitAnd(L))
        return std::nullopt;
      return bitTest(L, (B->getOpcode() == BO_NE) == Positive);
    }
    if (!isBitAnd(E))
      return std::nullopt;
    const Expr *Subject = B->getLHS();
    std::optional<int64_t> K = constant(B->getRHS());
    if (!K) {
      Subject = B->getRHS();
      K = constant(B->getLHS());
    }
    std::optional<GuardAtom> A = K ? subject(Subject) : std::nullopt;
    if (!A)
      return CNF{};
    A->Op = Positive ? GuardAtom::AnyBit : GuardAtom::NoBit;
    A->Value = *K;
    return withAfterCall(Subject, *A);
  }
  static bool isBitAnd(const Expr *E) {
    const auto *B = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
    return B && B->getOpcode() == BO_And;
  }

  CNF comparison(const BinaryOperator *B, GuardAtom::OpKind Op, bool Positive) const {
    const Expr *Subject = B->getLHS();
    std::optional<GuardAtom> A = subject(Subject);
    std::optional<int64_t> K = constant(B->getRHS());
    if (!A || !K) {
      Subject = B->getRHS();
      A = subject(Subject);
      K = constant(B->getLHS());
      Op = mirrored(Op);
    }
    if (!A || !K)
      return paramAgainstVariable(B, mirrored(Op), Positive);
    A->Op = Positive ? Op : negated(Op);
    A->Value = *K;
    return withAfterCall(Subject, *A);
  }

  /// `level <= m_debugLevel` (or mirrored): an unchanged parameter compared with a global or a
  /// member, as their difference compared with 0 (paramMinusName).
  CNF paramAgainstVariable(const BinaryOperator *B, GuardAtom::OpKind Op, bool Positive) const {
    std::optional<GuardAtom> L = subject(B->getLHS()), R = subject(B->getRHS());
    if (!L || !R)
      return {};
    if (L->Param < 0) {
      std::swap(L, R);
      Op = mirrored(Op);
    }
    if (L->Param < 0 || R->Param >= 0 || R->Var.empty() || parseParamMinus(R->Var) ||
        R->Var.find('(') != std::string::npos || R->Var.find(' ') != std::string::npos)
      return {};
    GuardAtom A;
    A.Var = paramMinusName(unsigned(L->Param), R->Var);
    A.Op = Positive ? Op : negated(Op);
    return {{A}};
  }

  /// The atom A on the subject E; when E is a member right after a method call on `*this`, also
  /// the same test of the member's value after that call. Both hold: `assume` facts decide the
  /// first, what the call leaves in the member the second.
  CNF withAfterCall(const Expr *E, GuardAtom A) const {
    CNF Out{{A}};
    if (std::string After = memberAfterCall(E->IgnoreParenImpCasts()); !After.empty()) {
      A.Var = std::move(After);
      Out.push_back({std::move(A)});
    }
    return Out;
  }

  SummaryBuilder &B;
  ASTContext &Ctx;
  GuardRegions &R;
  /// The statement before the `if` whose condition is being read (completes()).
  const Stmt *Preceding = nullptr;
};

std::optional<std::vector<GuardAtom>> GuardRegions::paramConjunction(const Expr *E,
                                                                     bool Positive) {
  RegionFinder Finder(B, *this);
  std::vector<GuardAtom> Out;
  for (const GuardClause &Clause : Finder.truth(E, Positive)) {
    if (Clause.size() != 1 || Clause.front().Param < 0)
      return std::nullopt;
    Out.push_back(Clause.front());
  }
  if (Out.empty())
    return std::nullopt;
  return Out;
}


GuardRegions::GuardRegions(SummaryBuilder &B, const FunctionDecl *FD) : B(B), FD(FD) {
  // Library bodies are walked without contexts at link (docs/analyzer.md): no guards.
  if (B.isSystem(FD->getLocation()))
    return;
  VariableUses Uses(FD);
  Uses.TraverseStmt(FD->getBody());
  for (const ParmVarDecl *P : FD->parameters())
    if (Uses.unchanged(P))
      Unchanged.insert(P);
  // Locals initialised once by a direct call and never changed hold its result (#10, newcode);
  // those initialised from a global or member hold one of its values (#10, levels).
  for (const auto &[V, Count] : Uses.Uses) {
    if (isa<ParmVarDecl>(V) || !V->getInit() || !Uses.unchanged(V))
      continue;
    const Expr *Init = withoutValueCasts(V->getInit(), B.Ctx);
    if (const auto *Call = dyn_cast<CallExpr>(Init); Call && Call->getDirectCallee())
      LocalResults[V] = Call;
    else if (const ValueDecl *Read = variableReadBy(Init))
      LocalCopies[V] = Read;
  }
  Library = false;
  // A goto can skip any statement: nothing is unconditional in a body with labels.
  HasLabel = RegionFinder::hasGotoLabel(FD->getBody());
  RegionFinder Finder(B, *this);
  Finder.TraverseStmt(FD->getBody());
}

void GuardRegions::enter(const Stmt *S) {
  auto It = Regions.find(S);
  if (It == Regions.end())
    return;
  Active.push_back(&It->second);
  ConditionalDepth += It->second.Conditional;
}

void GuardRegions::leave(const Stmt *S) {
  auto It = Regions.find(S);
  if (It == Regions.end() || Active.empty() || Active.back() != &It->second)
    return;
  ConditionalDepth -= It->second.Conditional;
  Active.pop_back();
}

void GuardRegions::apply(CallSite &C) const {
  C.Unconditional = ConditionalDepth == 0 && !HasLabel;
  for (const Region *R : Active) {
    append_range(C.Guards, R->Clauses);
    if (!R->StaticInit.empty())
      C.StaticInit = R->StaticInit;
  }
}

int GuardRegions::unchangedParam(const Expr *E) const {
  const auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *P = DR ? dyn_cast<ParmVarDecl>(DR->getDecl()) : nullptr;
  if (!P || !Unchanged.contains(P))
    return -1;
  return int(P->getFunctionScopeIndex());
}

std::string GuardRegions::callResultOf(const Expr *E) const {
  if (Library)
    return {};
  E = withoutValueCasts(E, B.Ctx);
  const auto *Call = dyn_cast<CallExpr>(E);
  if (const auto *DR = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()))
      Call = LocalResults.lookup(V);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return {};
  return callResultName(B.usrOf(Callee->getCanonicalDecl()), B.loc(Call->getExprLoc()));
}

std::vector<GuardClause> GuardRegions::clauses() const {
  std::vector<GuardClause> Out;
  for (const Region *R : Active)
    append_range(Out, R->Clauses);
  return Out;
}

int GuardRegions::unchangedValueParam(const Expr *E) const {
  return unchangedParam(withoutValueCasts(E, B.Ctx));
}

std::string GuardRegions::staticName(const VarDecl *VD) const {
  return FD->getQualifiedNameAsString() + "::" + VD->getName().str();
}

} // namespace rtcheck
