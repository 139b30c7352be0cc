//===- ModeValues.cpp - mode members and what stores put in them ----------===//
//
// See ModeValues.h.
//
//===----------------------------------------------------------------------===//
#include "ModeValues.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// More alternatives than this for one store: not worth following.
constexpr size_t MaxAlternatives = 8;
/// Locals initialised from locals, getters of getters: not followed further.
constexpr unsigned MaxDepth = 4;
/// Offsets are small counts (`level - 1`); larger ones are not read.
constexpr int64_t MaxOffset = int64_t(1) << 32;

/// The one expression the body of a function returns, when the body is only that `return`
/// (a getter: `int level() const { return m_level; }`).
const Expr *onlyReturnOf(const FunctionDecl *FD) {
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  const auto *Body = Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
  if (!Body || Body->size() != 1)
    return nullptr;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  return Ret ? Ret->getRetValue() : nullptr;
}

/// How a body writes one local variable: counted down (`--d`, `d--`, `d -= K` with K >= 0,
/// `d = d - K`), or assigned (each right side kept).
class LocalWrites : public DynamicRecursiveASTVisitor {
public:
  LocalWrites(const VarDecl *V, ASTContext &Ctx) : V(V), Ctx(Ctx) {
    ShouldVisitImplicitCode = true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) override {
    if (U->isDecrementOp() && isV(U->getSubExpr()))
      ++CountDowns;
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) override {
    if (!isV(BO->getLHS()))
      return true;
    if (BO->getOpcode() == BO_SubAssign) {
      std::optional<int64_t> K = constantValue(BO->getRHS(), Ctx);
      if (K && *K >= 0)
        ++CountDowns;
    } else if (BO->getOpcode() == BO_Assign) {
      if (countsDown(BO->getRHS()))
        ++CountDowns;
      else
        Assigned.push_back(BO->getRHS());
    }
    return true;
  }
  /// Uses of V that are neither reads nor the writes above: the value is not followed.
  unsigned understood() const { return CountDowns + unsigned(Assigned.size()); }

  unsigned CountDowns = 0;
  std::vector<const Expr *> Assigned;

private:
  bool isV(const Expr *E) const {
    const auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParens());
    return DR && DR->getDecl() == V;
  }
  /// `V - K` with K >= 0.
  bool countsDown(const Expr *E) const {
    const auto *BO = dyn_cast<BinaryOperator>(guard_forms::withoutValueCasts(E, Ctx));
    if (!BO || BO->getOpcode() != BO_Sub ||
        !isV(guard_forms::withoutValueCasts(BO->getLHS(), Ctx)))
      return false;
    std::optional<int64_t> K = constantValue(BO->getRHS(), Ctx);
    return K && *K >= 0;
  }
  const VarDecl *V;
  ASTContext &Ctx;
};

} // namespace

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
  // Pointers too: a callback pointer the program only ever stores null into (#10, levels).
  if (!F || !(F->getType()->isIntegralOrEnumerationType() || F->getType()->isPointerType()) ||
      F->getType().isVolatileQualified())
    return nullptr;
  return isModeClass(B, dyn_cast<CXXRecordDecl>(F->getParent())) ? F : nullptr;
}

const VarDecl *modeStatic(SummaryBuilder &B, const ValueDecl *D) {
  const auto *V = dyn_cast_or_null<VarDecl>(D);
  if (V)
    V = V->getCanonicalDecl(); // the declaration in the class, which has the access
  if (!V || !V->hasGlobalStorage() || V->isStaticLocal() ||
      !(V->getType()->isIntegralOrEnumerationType() || V->getType()->isPointerType()) ||
      V->getType().isConstQualified() ||
      V->getType().isVolatileQualified() || V->getTLSKind() != VarDecl::TLS_None ||
      B.isSystem(V->getLocation()))
    return nullptr;
  if (V->isStaticDataMember())
    return V->getAccess() == AS_private &&
                   isModeClass(B, dyn_cast<CXXRecordDecl>(V->getDeclContext()))
               ? V
               : nullptr;
  // A variable of a file or namespace: code outside the program does not write the program's
  // own variables (the closed world of mode classes); a weak definition may be replaced.
  if (!V->getDeclContext()->isFileContext() || V->hasAttr<WeakAttr>() ||
      V->hasAttr<WeakImportAttr>())
    return nullptr;
  return V;
}

const ValueDecl *modeMemberRead(SummaryBuilder &B, const Expr *E) {
  return modeMemberNamedBy(B, guard_forms::withoutValueCasts(E, B.Ctx));
}

const ValueDecl *modeMemberNamedBy(SummaryBuilder &B, const Expr *E) {
  const ValueDecl *D = nullptr;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    D = ME->getMemberDecl();
  else if (const auto *DR = dyn_cast<DeclRefExpr>(E))
    D = DR->getDecl();
  if (const FieldDecl *F = modeField(B, D))
    return F;
  return modeStatic(B, D);
}

bool StoredValueReader::parameterBits(const Expr *E, MemberStore &S) const {
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
      return false;
    S.Mask = *K;
    E = X;
  }
  S.Param = Regions.unchangedValueParam(E);
  if (S.Param < 0)
    S.Mask = 0, S.ToBool = false;
  return S.Param >= 0;
}

bool StoredValueReader::localValues(const VarDecl *V, std::vector<MemberStore> &Out,
                                    unsigned Depth) const {
  if (!V->hasLocalStorage() || isa<ParmVarDecl>(V) || V->getType()->isReferenceType() ||
      V->getType().isVolatileQualified() || !V->getType()->isIntegralOrEnumerationType() ||
      !V->getInit() || !Uses.FD->getBody())
    return false;
  LocalWrites Writes(V, B.Ctx);
  Writes.TraverseStmt(Uses.FD->getBody());
  // Every use is a read or one of the writes understood.
  if (Uses.Uses.lookup(V) != Uses.Reads.lookup(V) + Writes.understood())
    return false;
  SmallVector<const Expr *, 4> Sources{V->getInit()};
  append_range(Sources, Writes.Assigned);
  for (const Expr *Source : Sources) {
    std::vector<MemberStore> Values = alternatives(Source, Depth + 1);
    if (Values.empty())
      return false;
    for (MemberStore &S : Values) {
      S.MayDecrease |= Writes.CountDowns > 0;
      Out.push_back(std::move(S));
    }
  }
  return Out.size() <= MaxAlternatives;
}

std::vector<MemberStore> StoredValueReader::alternatives(const Expr *E, unsigned Depth) const {
  if (!E || Depth > MaxDepth)
    return {};
  MemberStore S;
  if ((S.Constant = constantValue(E, B.Ctx)) || parameterBits(E, S))
    return {S};
  E = guard_forms::withoutValueCasts(E, B.Ctx);
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    std::vector<MemberStore> Out = alternatives(CO->getTrueExpr(), Depth + 1);
    std::vector<MemberStore> Other = alternatives(CO->getFalseExpr(), Depth + 1);
    if (Out.empty() || Other.empty() || Out.size() + Other.size() > MaxAlternatives)
      return {};
    append_range(Out, Other);
    return Out;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub)) {
    const Expr *X = BO->getLHS();
    std::optional<int64_t> K = constantValue(BO->getRHS(), B.Ctx);
    if (!K && BO->getOpcode() == BO_Add) {
      X = BO->getRHS();
      K = constantValue(BO->getLHS(), B.Ctx);
    }
    if (!K || *K <= -MaxOffset || *K >= MaxOffset)
      return {};
    std::vector<MemberStore> Out = alternatives(X, Depth + 1);
    int64_t Delta = BO->getOpcode() == BO_Sub ? -*K : *K;
    for (MemberStore &A : Out) {
      int64_t &Into = A.Constant ? *A.Constant : A.Offset;
      if (AddOverflow(Into, Delta, Into))
        return {}; // no value a program stores
    }
    return Out;
  }
  if (const ValueDecl *D = modeMemberRead(B, E)) {
    S.From = D->getQualifiedNameAsString();
    return {S};
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    // A getter: a non-virtual function whose body only returns a constant or a mode member.
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
    if (MD && MD->isVirtual() && !MD->hasAttr<FinalAttr>() && !MD->getParent()->hasAttr<FinalAttr>())
      return {};
    const Expr *Returned = onlyReturnOf(Call->getDirectCallee());
    if (!Returned)
      return {};
    if ((S.Constant = constantValue(Returned, B.Ctx)))
      return {S};
    if (const ValueDecl *D = modeMemberRead(B, Returned)) {
      S.From = D->getQualifiedNameAsString();
      return {S};
    }
    return {};
  }
  if (const auto *DR = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DR->getDecl())) {
      std::vector<MemberStore> Out;
      if (V->getDeclContext() == Uses.FD && localValues(V, Out, Depth))
        return Out;
    }
  return {};
}

} // namespace rtcheck
