//===- MemberStores.cpp - what a body stores into integer members ---------===//
//
// See MemberStores.h. The constructor's initial values get OverwrittenWhen from a forward scan
// of its initialisers and top-level statements: R2Stretcher's `m_realtime(false)` is replaced by
// `if (m_options & OptionProcessRealTime) m_realtime = true;` before anything reads it, so in a
// program that always passes the option the initial `false` is never seen.
//
//===----------------------------------------------------------------------===//
#include "MemberStores.h"

#include "GuardedWalk.h"
#include "ModeValues.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

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
bool copiesField(const Expr *E, const ValueDecl *F, const ASTContext &Ctx) {
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
    // Leaving the block early skips the store that would replace the value.
    Found |= isa<ReturnStmt, GotoStmt, IndirectGotoStmt, LabelStmt, CoreturnStmt, BreakStmt,
                 ContinueStmt>(S);
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

void noteModeClass(SummaryBuilder &B, const ValueDecl *Member) {
  const auto *RD = cast<CXXRecordDecl>(Member->getDeclContext())->getDefinition();
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
  for (const Decl *D : RD->decls())
    if (const VarDecl *V = modeStatic(B, dyn_cast<ValueDecl>(D)))
      M.Statics.push_back(V->getQualifiedNameAsString());
  B.Out.ModeClasses.push_back(std::move(M));
}

/// Walks a body as CallSites.cpp does, so that the guard regions apply at each store.
class StoreCollector : public GuardedWalk {
public:
  StoreCollector(SummaryBuilder &B, const FunctionDecl *FD)
      : GuardedWalk(&Regions), B(B), Regions(B, FD), Uses(FD), Reader(B, Regions, Uses) {
    Uses.TraverseStmt(FD->getBody());
  }

  bool VisitBinaryOperator(BinaryOperator *BO) override {
    if (!BO->isAssignmentOp())
      return true;
    const Expr *LHS = BO->getLHS()->IgnoreParens();
    const ValueDecl *Member = memberNamedBy(LHS);
    if (!Member)
      return true;
    Handled.insert(LHS);
    if (BO->getOpcode() == BO_Assign && copiesField(BO->getRHS(), Member, B.Ctx))
      return true;
    size_t Index = Stores.size();
    add(Member);
    if (BO->getOpcode() == BO_Assign)
      valueOf(BO->getRHS(), Index);
    else
      bitUpdate(BO->getOpcode(), BO->getRHS(), Stores[Index]);
    if (const auto *ME = dyn_cast<MemberExpr>(LHS); ME && isThisMember(ME))
      ThisStores[BO] = Index;
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *E) override {
    if (E->getCastKind() == CK_LValueToRValue)
      if (const Expr *Sub = E->getSubExpr()->IgnoreParens(); isa<MemberExpr, DeclRefExpr>(Sub))
        Handled.insert(Sub);
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
  /// Every other use of a member: `&m`, a reference bound to it, `m++`, `m += k`, and `&C::m`
  /// (a member pointer).
  bool VisitMemberExpr(MemberExpr *ME) override {
    if (const ValueDecl *M = memberNamedBy(ME); M && !Handled.contains(ME))
      add(M);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) override {
    if (const ValueDecl *M = memberNamedBy(E); M && !Handled.contains(E))
      add(M);
    return true;
  }

  const ValueDecl *memberNamedBy(const Expr *E) const { return modeMemberNamedBy(B, E); }

  MemberStore &add(const ValueDecl *Member, bool Guarded = true) {
    if (isa<CXXRecordDecl>(Member->getDeclContext()))
      noteModeClass(B, Member);
    MemberStore &S = Stores.emplace_back();
    S.Field = Member->getQualifiedNameAsString();
    if (Guarded)
      S.Guards = Regions.clauses();
    return S;
  }

  /// Fills the store at Index with what E gives (ModeValues.h), one more store per further
  /// alternative; returns how many stores the site has.
  size_t valueOf(const Expr *E, size_t Index) {
    std::vector<MemberStore> Values = Reader.alternatives(E);
    if (Values.empty())
      return 1;
    MemberStore Site = Stores[Index];
    for (size_t I = 1; I < Values.size(); ++I)
      Stores.push_back(Site);
    for (size_t I = 0; I < Values.size(); ++I) {
      MemberStore &S = Stores[Index + I];
      S.Constant = Values[I].Constant;
      S.Param = Values[I].Param;
      S.Mask = Values[I].Mask;
      S.ToBool = Values[I].ToBool;
      S.From = std::move(Values[I].From);
      S.Offset = Values[I].Offset;
      S.MayDecrease = Values[I].MayDecrease;
    }
    return Values.size();
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
  StoredValueReader Reader;
  std::vector<MemberStore> Stores;
  DenseSet<const Expr *> Handled;
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

/// The store of Field that S is or, for an `if`, begins its then-branch with (after statements
/// that do not observe Field): its assignment, when nothing before it in S observes Field. An
/// `else` runs only when the condition fails, when the store is not replaced.
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
  if (!If || If->getInit() || If->getConditionVariable() || If->isConsteval() ||
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
    size_t Index = C.Stores.size(), Count = 1;
    C.add(F, /*Guarded=*/false);
    if (Init)
      Count = C.valueOf(Init, Index);
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
          for (size_t I = Index; I < Index + Count; ++I)
            C.Stores[I].OverwrittenWhen = When;
        break;
      }
      if (observes(X, F))
        break;
    }
  }
}

bool sameAtom(const GuardAtom &A, const GuardAtom &B) {
  return A.Param == B.Param && A.Var == B.Var && A.Op == B.Op && A.Value == B.Value;
}

/// A constructor's store of a member inside a block (`if (channels > 1) { m_threaded = true;
/// if (m_realtime) m_threaded = false; ... }`): the conditions, beyond its own, under which a
/// later store of the same block replaces it before anything can read it.
void replacedInBlock(const CXXConstructorDecl *CD, StoreCollector &C) {
  if (C.ThisStores.empty() || !CD->getBody())
    return;
  ParentMap Parents(CD->getBody());
  for (const auto &[BO, Index] : C.ThisStores) {
    const Stmt *Statement = BO;
    const Stmt *Parent = Parents.getParent(BO);
    if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(Parent)) {
      Statement = Cleanups;
      Parent = Parents.getParent(Cleanups);
    }
    const auto *Block = dyn_cast_or_null<CompoundStmt>(Parent);
    if (!Block || C.Stores[Index].OverwrittenWhen)
      continue;
    const auto *Field = cast<FieldDecl>(cast<MemberExpr>(BO->getLHS()->IgnoreParens())->getMemberDecl());
    const auto *Next = std::next(find(Block->body(), Statement));
    for (; Next != Block->body_end(); ++Next) {
      if (const BinaryOperator *Later = replacingStore(*Next, Field, C)) {
        std::vector<GuardClause> When;
        for (const GuardClause &Clause : C.Stores[C.ThisStores.lookup(Later)].Guards)
          if (none_of(C.Stores[Index].Guards, [&](const GuardClause &Own) {
                return Own.size() == Clause.size() && all_of(zip(Own, Clause), [](auto Pair) {
                         return sameAtom(std::get<0>(Pair), std::get<1>(Pair));
                       });
              }))
            When.push_back(Clause);
        const auto *Cleanups = dyn_cast<ExprWithCleanups>(*Next);
        if (Later == *Next || (Cleanups && Cleanups->getSubExpr() == Later) || !When.empty())
          C.Stores[Index].OverwrittenWhen = std::move(When);
        break;
      }
      if (observes(*Next, Field))
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
    replacedInBlock(CD, Collector);
  } else {
    Collector.TraverseStmt(FD->getBody());
  }
  return std::move(Collector.Stores);
}

namespace {

/// Uses of mode statics in initialisers outside every body (`static int *p = &level;`): a
/// pointer to one lets anyone write it.
class InitialiserUses : public DynamicRecursiveASTVisitor {
public:
  explicit InitialiserUses(SummaryBuilder &B) : B(B) { ShouldVisitImplicitCode = true; }
  bool VisitImplicitCastExpr(ImplicitCastExpr *E) override {
    if (E->getCastKind() == CK_LValueToRValue)
      Reads.insert(E->getSubExpr()->IgnoreParens());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) override {
    if (const VarDecl *V = modeStatic(B, E->getDecl()); V && !Reads.contains(E)) {
      MemberStore &S = B.Out.StaticInits.emplace_back();
      S.Field = V->getQualifiedNameAsString(); // a value the analysis does not know
    }
    return true;
  }

private:
  SummaryBuilder &B;
  DenseSet<const Expr *> Reads;
};

} // namespace

void collectStaticInits(SummaryBuilder &B) {
  forEachNamespaceScopeVar(B.Ctx, [&](const VarDecl *V) {
    if (V->hasGlobalStorage() && V->getInit() && !B.isSystem(V->getLocation()))
      InitialiserUses(B).TraverseStmt(const_cast<Expr *>(V->getInit()));
    if (V->isThisDeclarationADefinition() == VarDecl::DeclarationOnly || !modeStatic(B, V) ||
        B.isSystem(V->getLocation()))
      return;
    if (isa<CXXRecordDecl>(V->getDeclContext()))
      noteModeClass(B, V); // its methods must all be in view
    MemberStore &S = B.Out.StaticInits.emplace_back();
    S.Field = V->getQualifiedNameAsString();
    if (!V->getInit())
      S.Constant = 0;
    else
      S.Constant = constantValue(V->getInit(), B.Ctx);
  });
}

} // namespace rtcheck
