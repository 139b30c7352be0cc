//===- Guards.cpp - what running a statement implies ----------------------===//
#include "Guards.h"

#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// A conjunction of clauses; empty: nothing known.
using CNF = std::vector<GuardClause>;

/// Larger conditions are not worth their summary space: they guard nothing.
constexpr size_t MaxClauses = 8, MaxAtoms = 8;

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

  /// After `if (c) return;` the rest of the statement list runs only when !c; after any
  /// statement that may leave the list, the rest is conditional.
  bool VisitCompoundStmt(CompoundStmt *S) override {
    CNF Holds;
    bool Exited = false, Jumped = false;
    for (const Stmt *Child : S->body()) {
      if (containsLabel(Child))
        Jumped = true;
      if (Exited)
        sequel(Child, Jumped ? CNF{} : Holds);
      if (const auto *If = dyn_cast<IfStmt>(Child);
          If && !If->getElse() && !If->getConditionVariable() && !If->isConsteval() &&
          alwaysExits(If->getThen()))
        Holds = conjoin(std::move(Holds), truth(If->getCond(), false));
      Exited = Exited || mayExit(Child);
    }
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) override {
    if (VD->isStaticLocal() && VD->getInit() && Ctx.getLangOpts().CPlusPlus) {
      R.Regions[VD->getInit()].StaticInit = R.staticName(VD);
      R.Regions[VD->getInit()].Conditional = true;
    }
    return true;
  }

private:
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
    const ValueDecl *D = nullptr;
    if (const auto *DR = dyn_cast<DeclRefExpr>(E))
      D = DR->getDecl();
    else if (const auto *ME = dyn_cast<MemberExpr>(E))
      D = ME->getMemberDecl();
    if (const auto *VD = dyn_cast_or_null<VarDecl>(D); VD && VD->hasGlobalStorage() &&
                                                       !VD->isStaticLocal())
      A.Var = VD->getQualifiedNameAsString();
    else if (const auto *FD = dyn_cast_or_null<FieldDecl>(D))
      A.Var = FD->getQualifiedNameAsString();
    if (A.Var.empty())
      return std::nullopt;
    return A;
  }

  std::optional<int64_t> constant(const Expr *E) const { return constantValue(E, Ctx); }

  /// What the truth (Positive) or falsity of E says, in conjunctive form.
  CNF truth(const Expr *E, bool Positive) const {
    E = E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_LNot)
      return truth(U->getSubExpr(), !Positive);
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
    return {{*A}};
  }

  CNF comparison(const BinaryOperator *B, GuardAtom::OpKind Op, bool Positive) const {
    std::optional<GuardAtom> A = subject(B->getLHS());
    std::optional<int64_t> K = constant(B->getRHS());
    if (!A || !K) {
      A = subject(B->getRHS());
      K = constant(B->getLHS());
      Op = mirrored(Op);
    }
    if (!A || !K)
      return {};
    A->Op = Positive ? Op : negated(Op);
    A->Value = *K;
    return {{*A}};
  }

  SummaryBuilder &B;
  ASTContext &Ctx;
  GuardRegions &R;
};

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

GuardRegions::GuardRegions(SummaryBuilder &B, const FunctionDecl *FD) : B(B), FD(FD) {
  // Library bodies are walked without contexts at link (docs/analyzer.md): no guards.
  if (B.isSystem(FD->getLocation()))
    return;
  VariableUses Uses(FD);
  Uses.TraverseStmt(FD->getBody());
  for (const ParmVarDecl *P : FD->parameters())
    if (Uses.unchanged(P))
      Unchanged.insert(P);
  // Locals initialised once by a direct call and never changed hold its result (#10, newcode).
  for (const auto &[V, Count] : Uses.Uses)
    if (!isa<ParmVarDecl>(V) && V->getInit() && Uses.unchanged(V))
      if (const auto *Call = dyn_cast<CallExpr>(withoutValueCasts(V->getInit(), B.Ctx));
          Call && Call->getDirectCallee())
        LocalResults[V] = Call;
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
