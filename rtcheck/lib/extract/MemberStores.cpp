//===- MemberStores.cpp - what a body stores into integer members ---------===//
//
// See MemberStores.h. The constructor's initial values get OverwrittenWhen from a forward scan
// of its initialisers and top-level statements: R2Stretcher's `m_realtime(false)` is replaced by
// `if (m_options & OptionProcessRealTime) m_realtime = true;` before anything reads it, so in a
// program that always passes the option the initial `false` is never seen.
//
//===----------------------------------------------------------------------===//
#include "MemberStores.h"

#include "Guards.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// A class whose objects only its own constructors create: one with a user-provided
/// constructor and no compiler-provided default one (value-initialisation would zero it), no
/// friends, not a template, a union or a library's class.
bool isModeClass(SummaryBuilder &B, const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (RD->isUnion() || RD->isLambda() || !RD->getIdentifier() || B.isSystem(RD->getLocation()) ||
      RD->isDependentContext() || isa<ClassTemplateSpecializationDecl>(RD) ||
      RD->getDescribedClassTemplate() || RD->hasFriends() || !RD->hasUserDeclaredConstructor() ||
      RD->needsImplicitDefaultConstructor())
    return false;
  return none_of(RD->ctors(), [](const CXXConstructorDecl *C) {
    return C->isDefaultConstructor() && !C->isUserProvided();
  });
}

const FieldDecl *modeField(SummaryBuilder &B, const ValueDecl *D) {
  const auto *F = dyn_cast_or_null<FieldDecl>(D);
  if (!F || !F->getType()->isIntegralOrEnumerationType())
    return nullptr;
  return isModeClass(B, dyn_cast<CXXRecordDecl>(F->getParent())) ? F : nullptr;
}

/// The mode fields an untyped pointer to an object of RD lets anyone write: its own, its
/// bases' and its members' (at most a few levels deep; deeper ones are not tracked).
void fieldsWithin(SummaryBuilder &B, const CXXRecordDecl *RD, std::vector<const FieldDecl *> &Out,
                  unsigned Depth = 0) {
  if (!RD || !RD->hasDefinition() || Depth > 4)
    return;
  RD = RD->getDefinition();
  for (const FieldDecl *F : RD->fields()) {
    if (modeField(B, F))
      Out.push_back(F);
    fieldsWithin(B, F->getType()->getAsCXXRecordDecl(), Out, Depth + 1);
  }
  for (const CXXBaseSpecifier &Base : RD->bases())
    fieldsWithin(B, Base.getType()->getAsCXXRecordDecl(), Out, Depth + 1);
}

/// E reads the member F of another object: a copy, which adds no value the member cannot hold.
bool copiesField(const Expr *E, const FieldDecl *F, const ASTContext &Ctx) {
  const auto *ME = dyn_cast<MemberExpr>(guard_forms::withoutValueCasts(E, Ctx));
  return ME && ME->getMemberDecl() == F;
}

bool isThisMember(const MemberExpr *ME) {
  return isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
}

/// Whether running S can read Field's value or hand `this` to code that could (a method call on
/// `*this`, `this` passed on or captured), or leave the constructor early.
class Observes : public DynamicRecursiveASTVisitor {
public:
  Observes(const FieldDecl *Field, const Expr *Skip) : Field(Field), Skip(Skip) {
    ShouldVisitImplicitCode = true;
  }
  bool TraverseStmt(Stmt *S) override {
    // The left side of the store that replaces the value is not a read of it.
    if (S && S == Skip)
      return true;
    return DynamicRecursiveASTVisitor::TraverseStmt(S);
  }
  bool VisitMemberExpr(MemberExpr *ME) override {
    if (ME->getMemberDecl() == Field)
      Found = true;
    else if (isa<FieldDecl>(ME->getMemberDecl()) && isThisMember(ME))
      ++ThisFieldBases;
    return !Found;
  }
  bool VisitCXXThisExpr(CXXThisExpr *) override {
    ++Thises;
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) override {
    Found |= any_of(L->captures(), [](const LambdaCapture &C) { return C.capturesThis(); });
    return !Found;
  }
  bool VisitStmt(Stmt *S) override {
    Found |= isa<ReturnStmt, GotoStmt, IndirectGotoStmt, LabelStmt, CoreturnStmt>(S);
    return !Found;
  }
  bool found(const Stmt *S) {
    TraverseStmt(const_cast<Stmt *>(S));
    return Found || Thises > ThisFieldBases;
  }

private:
  const FieldDecl *Field;
  const Expr *Skip;
  bool Found = false;
  unsigned Thises = 0, ThisFieldBases = 0;
};

bool observes(const Stmt *S, const FieldDecl *Field, const Expr *Skip = nullptr) {
  return S && Observes(Field, Skip).found(S);
}

void noteModeClass(SummaryBuilder &B, const FieldDecl *F) {
  const auto *RD = cast<CXXRecordDecl>(F->getParent())->getDefinition();
  std::string Name = RD->getQualifiedNameAsString();
  if (any_of(B.Out.ModeClasses, [&](const ModeClass &M) { return M.Name == Name; }))
    return;
  ModeClass M;
  M.Name = std::move(Name);
  for (const FieldDecl *X : RD->fields())
    if (modeField(B, X))
      M.Fields.push_back(X->getQualifiedNameAsString());
  for (const CXXMethodDecl *MD : RD->methods())
    if (!MD->isImplicit() && !MD->isDeleted() && !MD->isDefaulted() && !MD->isPureVirtual())
      M.Methods.push_back(B.usrOf(MD->getCanonicalDecl()));
  B.Out.ModeClasses.push_back(std::move(M));
}

/// Walks a body as CallSites.cpp does, so that the guard regions apply at each store.
class StoreCollector : public DynamicRecursiveASTVisitor {
public:
  StoreCollector(SummaryBuilder &B, const FunctionDecl *FD) : B(B), Regions(B, FD), Uses(FD) {
    ShouldVisitImplicitCode = true;
    Uses.TraverseStmt(FD->getBody());
  }

  bool dataTraverseStmtPre(Stmt *S) override {
    Regions.enter(S);
    return true;
  }
  bool dataTraverseStmtPost(Stmt *S) override {
    Regions.leave(S);
    return true;
  }
  // Lambda bodies, local classes and blocks are functions of their own.
  bool TraverseLambdaExpr(LambdaExpr *) override { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) override { return true; }
  bool TraverseRecordDecl(RecordDecl *) override { return true; }
  bool TraverseBlockExpr(BlockExpr *) override { return true; }

  bool VisitBinaryOperator(BinaryOperator *BO) override {
    if (!BO->isAssignmentOp())
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParens());
    const FieldDecl *F = ME ? modeField(B, ME->getMemberDecl()) : nullptr;
    if (!F)
      return true;
    Handled.insert(ME);
    if (BO->getOpcode() == BO_Assign && copiesField(BO->getRHS(), F, B.Ctx))
      return true;
    MemberStore &S = add(F);
    if (BO->getOpcode() == BO_Assign)
      valueOf(BO->getRHS(), S);
    else
      bitUpdate(BO->getOpcode(), BO->getRHS(), S);
    if (isThisMember(ME))
      ThisStores[BO] = Stores.size() - 1;
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *E) override {
    if (E->getCastKind() == CK_LValueToRValue)
      if (const auto *ME = dyn_cast<MemberExpr>(E->getSubExpr()->IgnoreParens()))
        Handled.insert(ME);
    return VisitCastExpr(E);
  }
  bool VisitExplicitCastExpr(ExplicitCastExpr *E) override { return VisitCastExpr(E); }
  /// A pointer to an object converted to an untyped one: whatever receives it may write bytes.
  bool VisitCastExpr(CastExpr *E) {
    QualType To = E->getType(), From = E->getSubExpr()->getType();
    if (!To->isPointerType() || !From->isPointerType())
      return true;
    QualType Pointee = To->getPointeeType();
    if (Pointee.isConstQualified() ||
        !(Pointee->isVoidType() || Pointee->isCharType() || Pointee->isStdByteType()))
      return true;
    std::vector<const FieldDecl *> Fields;
    fieldsWithin(B, From->getPointeeType()->getAsCXXRecordDecl(), Fields);
    for (const FieldDecl *F : Fields)
      add(F);
    return true;
  }
  /// Every other use of a member: `&m`, a reference bound to it, `m++`, `m += k`.
  bool VisitMemberExpr(MemberExpr *ME) override {
    if (const FieldDecl *F = modeField(B, ME->getMemberDecl()); F && !Handled.contains(ME))
      add(F);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) override {
    if (const FieldDecl *F = modeField(B, E->getDecl())) // `&C::m`: a member pointer
      add(F);
    return true;
  }

  MemberStore &add(const FieldDecl *F, bool Guarded = true) {
    noteModeClass(B, F);
    MemberStore &S = Stores.emplace_back();
    S.Field = F->getQualifiedNameAsString();
    if (Guarded)
      S.Guards = Regions.clauses();
    return S;
  }

  /// A constant, a parameter the body never changes, or such a parameter's bits `p & K`,
  /// possibly converted to bool (`(p & K) != 0`, `!!(p & K)` are not read).
  void valueOf(const Expr *E, MemberStore &S) {
    if ((S.Constant = constantValue(E, B.Ctx)))
      return;
    E = E->IgnoreParens();
    if (const auto *C = dyn_cast<ImplicitCastExpr>(E); C && C->getCastKind() == CK_IntegralToBoolean) {
      S.ToBool = true;
      E = C->getSubExpr();
    }
    E = guard_forms::withoutValueCasts(E, B.Ctx);
    if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->getOpcode() == BO_And) {
      const Expr *X = BO->getLHS();
      std::optional<int64_t> K = constantValue(BO->getRHS(), B.Ctx);
      if (!K) {
        X = BO->getRHS();
        K = constantValue(BO->getLHS(), B.Ctx);
      }
      if (!K || *K == 0)
        return;
      S.Mask = *K;
      E = X;
    }
    S.Param = Regions.unchangedValueParam(E);
    if (S.Param < 0)
      S.Mask = 0, S.ToBool = false;
  }

  /// `m &= x`, `m |= x`, `m ^= x`: the bits the store may clear and set.
  void bitUpdate(BinaryOperatorKind Op, const Expr *E, MemberStore &S) {
    std::optional<int64_t> Fixed = fixedValue(E);
    switch (Op) {
    case BO_AndAssign:
      S.MayClear = Fixed ? ~*Fixed : ~int64_t(0);
      break;
    case BO_OrAssign:
      S.MaySet = int64_t(possibleOnes(E));
      break;
    case BO_XorAssign:
      S.MayClear = S.MaySet = int64_t(possibleOnes(E));
      break;
    default:
      return; // arithmetic: an unknown value
    }
    S.BitUpdate = true;
  }
  /// E's value when it is a constant, the complement of one, or a local variable initialised
  /// with one that the body never changes (`int mask = A | B; m &= ~mask;`).
  std::optional<int64_t> fixedValue(const Expr *E) {
    if (std::optional<int64_t> K = constantValue(E, B.Ctx))
      return K;
    E = guard_forms::withoutValueCasts(E, B.Ctx);
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Not) {
      std::optional<int64_t> K = fixedValue(U->getSubExpr());
      return K ? std::optional<int64_t>(~*K) : std::nullopt;
    }
    const auto *DR = dyn_cast<DeclRefExpr>(E);
    const auto *V = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
    if (V && !isa<ParmVarDecl>(V) && V->hasLocalStorage() && V->getInit() &&
        !V->getType()->isReferenceType() && Uses.unchanged(V))
      return constantValue(V->getInit(), B.Ctx);
    return std::nullopt;
  }
  /// The bits E may have set.
  uint64_t possibleOnes(const Expr *E) {
    if (std::optional<int64_t> K = fixedValue(E))
      return uint64_t(*K);
    E = E->IgnoreParenImpCasts();
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->getOpcode() == BO_And)
        return possibleOnes(BO->getLHS()) & possibleOnes(BO->getRHS());
      if (BO->getOpcode() == BO_Or)
        return possibleOnes(BO->getLHS()) | possibleOnes(BO->getRHS());
    }
    return ~uint64_t(0);
  }

  SummaryBuilder &B;
  GuardRegions Regions;
  guard_forms::VariableUses Uses;
  std::vector<MemberStore> Stores;
  DenseSet<const MemberExpr *> Handled;
  /// Stores `this->m = v`, by their assignment: index into Stores.
  DenseMap<const BinaryOperator *, size_t> ThisStores;
};

/// Whether the guards read from E say exactly when E holds: `!`, `&&`, `||`, comparisons with
/// constants and bit tests of parameters the body never changes, globals and members. The
/// guards of a region are what must hold when it runs; a condition they read only in part (an
/// unknown conjunct is dropped) would not make a replacing store certain.
bool exactCondition(const Expr *E, const StoreCollector &C, unsigned &Leaves) {
  E = E->IgnoreParenImpCasts();
  if (++Leaves > 4)
    return false;
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_LNot)
    return exactCondition(U->getSubExpr(), C, Leaves);
  auto Subject = [&](const Expr *X) {
    X = X->IgnoreParenImpCasts();
    QualType T = X->getType();
    if (!(T->isIntegralOrEnumerationType() || T->isPointerType()))
      return false;
    if (const auto *ME = dyn_cast<MemberExpr>(X))
      return isa<FieldDecl>(ME->getMemberDecl());
    const auto *DR = dyn_cast<DeclRefExpr>(X);
    const auto *V = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
    if (!V)
      return false;
    if (isa<ParmVarDecl>(V))
      return C.Regions.unchangedParam(X) >= 0;
    return V->hasGlobalStorage() && !V->isStaticLocal();
  };
  auto Constant = [&](const Expr *X) { return constantValue(X, C.B.Ctx).has_value(); };
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_LAnd || BO->getOpcode() == BO_LOr)
      return exactCondition(BO->getLHS(), C, Leaves) && exactCondition(BO->getRHS(), C, Leaves);
    const Expr *L = BO->getLHS()->IgnoreParenImpCasts(), *R = BO->getRHS()->IgnoreParenImpCasts();
    if (Constant(L))
      std::swap(L, R);
    if (!Constant(R))
      return false;
    if (BO->getOpcode() == BO_And)
      return Subject(L);
    if (!BO->isComparisonOp() || BO->getOpcode() == BO_Cmp)
      return false;
    if (const auto *Bits = dyn_cast<BinaryOperator>(L); Bits && Bits->getOpcode() == BO_And)
      return (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) &&
             constantValue(R, C.B.Ctx) == 0 && exactCondition(Bits, C, Leaves);
    return Subject(L);
  }
  return Subject(E);
}

/// The store of Field that S is or, for an `if` without else, begins its then-branch with
/// (after statements that do not observe Field): its assignment, when nothing before it in S
/// observes Field.
const BinaryOperator *replacingStore(const Stmt *S, const FieldDecl *Field,
                                     const StoreCollector &C) {
  auto StoreIn = [&](const Stmt *X) -> const BinaryOperator * {
    if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(X))
      X = Cleanups->getSubExpr();
    const auto *BO = dyn_cast_or_null<BinaryOperator>(X);
    const auto *ME = BO && BO->getOpcode() == BO_Assign
                         ? dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParens())
                         : nullptr;
    if (!ME || ME->getMemberDecl() != Field || !C.ThisStores.count(BO) ||
        observes(BO->getRHS(), Field))
      return nullptr;
    return BO;
  };
  if (const BinaryOperator *BO = StoreIn(S))
    return BO;
  const auto *If = dyn_cast<IfStmt>(S);
  unsigned Leaves = 0;
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable() || If->isConsteval() ||
      observes(If->getCond(), Field) || !exactCondition(If->getCond(), C, Leaves))
    return nullptr;
  const Stmt *Then = If->getThen();
  SmallVector<const Stmt *, 4> List;
  if (const auto *Block = dyn_cast<CompoundStmt>(Then))
    List.append(Block->body_begin(), Block->body_end());
  else
    List.push_back(Then);
  for (const Stmt *X : List) {
    if (const BinaryOperator *BO = StoreIn(X))
      return BO;
    if (observes(X, Field))
      return nullptr;
  }
  return nullptr;
}

/// A constructor's initial value of each mode field of its class (its initialiser, or an
/// unknown value when it has none), with the conditions under which a later store replaces it
/// before anything can read it.
void initialValues(SummaryBuilder &B, const CXXConstructorDecl *CD, StoreCollector &C) {
  if (CD->isDelegatingConstructor())
    return; // the target constructor initialises the members
  const CXXRecordDecl *RD = CD->getParent();
  std::vector<const CXXCtorInitializer *> Inits(CD->init_begin(), CD->init_end());
  const auto *Body = dyn_cast_or_null<CompoundStmt>(CD->getBody());
  for (const FieldDecl *F : RD->fields()) {
    if (!modeField(B, F))
      continue;
    auto Own = find_if(Inits, [&](const CXXCtorInitializer *I) { return I->getMember() == F; });
    const Expr *Init = Own == Inits.end() ? nullptr : (*Own)->getInit();
    if (const auto *Default = dyn_cast_or_null<CXXDefaultInitExpr>(Init))
      Init = Default->getExpr();
    if (const auto *List = dyn_cast_or_null<InitListExpr>(Init); List && List->getNumInits() == 1)
      Init = List->getInit(0);
    if (Init && copiesField(Init, F, B.Ctx))
      continue;
    MemberStore &S = C.add(F, /*Guarded=*/false);
    if (Init)
      C.valueOf(Init, S);
    // Scan forward from the initialiser (or from the start) for a store that replaces it.
    size_t From = Own == Inits.end() ? 0 : size_t(Own - Inits.begin()) + 1;
    bool Stopped = false;
    for (size_t I = From; I < Inits.size() && !Stopped; ++I)
      Stopped = !Inits[I]->isMemberInitializer() || observes(Inits[I]->getInit(), F);
    if (Stopped || !Body)
      continue;
    for (const Stmt *X : Body->body()) {
      if (const BinaryOperator *BO = replacingStore(X, F, C)) {
        // The conditions at the replacing store: none means unconditional only at top level.
        std::vector<GuardClause> When = C.Stores[C.ThisStores.lookup(BO)].Guards;
        if (X == BO || (isa<ExprWithCleanups>(X) && cast<ExprWithCleanups>(X)->getSubExpr() == BO) ||
            !When.empty())
          S.OverwrittenWhen = std::move(When);
        break;
      }
      if (observes(X, F))
        break;
    }
  }
}

} // namespace

std::vector<MemberStore> memberStoresOf(SummaryBuilder &B, const FunctionDecl *FD) {
  if (!FD->hasBody() || B.isSystem(FD->getLocation()) || FD->isDependentContext())
    return {};
  // A compiler-provided copy or move copies values the members already hold.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      MD && !MD->isUserProvided() &&
      (MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator() ||
       (isa<CXXConstructorDecl>(MD) && cast<CXXConstructorDecl>(MD)->isCopyOrMoveConstructor())))
    return {};
  StoreCollector Collector(B, FD);
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD)) {
    for (const CXXCtorInitializer *I : CD->inits())
      Collector.TraverseStmt(I->getInit()); // what initialisers store or leak
    Collector.TraverseStmt(FD->getBody());
    initialValues(B, CD, Collector);
  } else {
    Collector.TraverseStmt(FD->getBody());
  }
  return std::move(Collector.Stores);
}

} // namespace rtcheck
