//===- IndexRanges.cpp - `at()` calls whose index is within bounds --------===//
#include "IndexRanges.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"

#include <optional>

using namespace clang;
using namespace llvm;

namespace rtcheck {

namespace {

/// Standard containers whose `at(n)` throws exactly when n is not below `size()`.
bool isIndexedContainer(const CXXRecordDecl *RD) {
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
    return false;
  return StringSwitch<bool>(RD->getName())
      .Cases({"vector", "array", "deque", "basic_string", "basic_string_view", "span"}, true)
      .Default(false);
}

/// Members of the standard containers and smart pointers that change no container's size and
/// call no user code (unlike a map's `at`, which calls the comparator, or `operator==`).
bool keepsSize(const CXXMethodDecl *MD) {
  if (!MD)
    return false;
  switch (MD->getOverloadedOperator()) {
  case OO_Subscript:
  case OO_Arrow:
  case OO_Star:
    return true;
  case OO_None:
    break;
  default:
    return false;
  }
  return MD->getIdentifier() &&
         StringSwitch<bool>(MD->getName())
             .Cases({"at", "size", "length", "empty", "data", "front", "back", "capacity",
                     "max_size", "get"},
                    true)
             .Cases({"begin", "end", "cbegin", "cend", "rbegin", "rend", "crbegin", "crend"}, true)
             .Default(false);
}

/// Standard classes whose size-keeping members (keepsSize) run no user code.
bool isPlainLibraryClass(const CXXRecordDecl *RD) {
  return isIndexedContainer(RD) ||
         (RD && RD->isInStdNamespace() && RD->getIdentifier() &&
          StringSwitch<bool>(RD->getName())
              .Cases({"unique_ptr", "shared_ptr", "__shared_ptr", "__shared_ptr_access"}, true)
              .Default(false));
}

/// The object an expression names, as a chain of declarations from a variable or `this`
/// (null first element) through non-static fields: `v`, `this->m_v`, `s.a.v`. Empty: not such
/// an expression (a pointer other than `this` dereferenced, a call's result, ...).
using ObjectPath = SmallVector<const ValueDecl *, 4>;

ObjectPath pathOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (VD && !VD->getType()->isReferenceType())
      return {VD};
    return {};
  }
  if (isa<CXXThisExpr>(E))
    return {nullptr};
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD || FD->getType()->isReferenceType())
      return {};
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (ME->isArrow() && !isa<CXXThisExpr>(Base))
      return {};
    ObjectPath P = pathOf(Base);
    if (P.empty())
      return {};
    P.push_back(FD);
    return P;
  }
  return {};
}

bool isPrefix(const ObjectPath &Short, const ObjectPath &Long) {
  return Short.size() <= Long.size() && std::equal(Short.begin(), Short.end(), Long.begin());
}

/// A call that cannot change the container: a builtin, a trivial function, or an accessor of a
/// standard container or smart pointer (a call on the container itself is vetted by the path
/// check).
bool isHarmlessCall(const Stmt *S) {
  const FunctionDecl *Callee = nullptr;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    Callee = CE->getDirectCallee();
  else if (const auto *CC = dyn_cast<CXXConstructExpr>(S))
    return CC->getConstructor()->isTrivial();
  if (!Callee)
    return false;
  if (Callee->getBuiltinID() || Callee->isTrivial())
    return true;
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  return MD && isPlainLibraryClass(MD->getParent()) && keepsSize(MD);
}

class Proof {
public:
  Proof(ASTContext &Ctx, const FunctionDecl *FD, ParentMap &PM, const CXXMemberCallExpr *Call)
      : Ctx(Ctx), FD(FD), PM(PM), Call(Call) {}

  bool run() {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD || !MD->getIdentifier() || MD->getName() != "at" || Call->getNumArgs() != 1 ||
        !isIndexedContainer(MD->getParent()))
      return false;
    SizeType = MD->getParamDecl(0)->getType();
    if (!SizeType->isUnsignedIntegerType())
      return false;
    if (constantBelowArraySize(MD->getParent()))
      return true;
    Object = pathOf(Call->getImplicitObjectArgument());
    const auto *IdxRef = dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts());
    Index = IdxRef ? dyn_cast<VarDecl>(IdxRef->getDecl()) : nullptr;
    if (Object.empty() || !Index || !Index->hasLocalStorage() ||
        !Index->getType()->isIntegerType() || Index->getType()->isReferenceType() ||
        Index->getType().isVolatileQualified() ||
        Ctx.getTypeSize(Index->getType()) > Ctx.getTypeSize(SizeType) || !unaliased(Index, true))
      return false;
    const auto *ObjectVar = Object.size() == 1 ? dyn_cast_or_null<VarDecl>(Object[0]) : nullptr;
    ObjectLocal = ObjectVar && ObjectVar->hasLocalStorage() && unaliased(ObjectVar, false);
    return guarded();
  }

private:
  ASTContext &Ctx;
  const FunctionDecl *FD;
  ParentMap &PM;
  const CXXMemberCallExpr *Call;
  QualType SizeType;
  ObjectPath Object;
  const VarDecl *Index = nullptr;
  /// The container is a local variable no pointer or reference ever reaches: no call can change it.
  bool ObjectLocal = false;

  bool constantBelowArraySize(const CXXRecordDecl *RD) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec || RD->getName() != "array" || Spec->getTemplateArgs().size() != 2 ||
        Spec->getTemplateArgs()[1].getKind() != TemplateArgument::Integral)
      return false;
    Expr::EvalResult R;
    const Expr *Idx = Call->getArg(0);
    if (Idx->isValueDependent() || !Idx->EvaluateAsInt(R, Ctx))
      return false;
    // The argument is already converted to size_t: a negative constant is a huge index.
    return R.Val.getInt().getZExtValue() < Spec->getTemplateArgs()[1].getAsIntegral().getZExtValue();
  }

  /// Every use of the local variable V in the function is one its own code makes: a read,
  /// an assignment or increment (AllowWrites), or a member call on it (containers). No address,
  /// reference or by-reference lambda capture lets other code reach it.
  bool unaliased(const VarDecl *V, bool AllowWrites) {
    bool Ok = true;
    forEach(FD->getBody(), [&](const Stmt *S) {
      if (const auto *L = dyn_cast<LambdaExpr>(S))
        for (const LambdaCapture &C : L->captures())
          if (C.capturesVariable() && C.getCapturedVar() == V && C.getCaptureKind() == LCK_ByRef)
            Ok = false;
      const auto *DRE = dyn_cast<DeclRefExpr>(S);
      if (!DRE || DRE->getDecl() != V)
        return;
      const Stmt *P = PM.getParentIgnoreParens(DRE);
      if (AllowWrites ? isReadOrWrite(DRE, P) : isMemberCallOn(DRE, P))
        return;
      Ok = false;
    });
    return Ok;
  }

  static bool isRead(const Stmt *P) {
    const auto *IC = dyn_cast_or_null<ImplicitCastExpr>(P);
    return IC && IC->getCastKind() == CK_LValueToRValue;
  }

  static bool isReadOrWrite(const Expr *E, const Stmt *P) {
    if (isRead(P))
      return true;
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P))
      return BO->isAssignmentOp() && BO->getLHS()->IgnoreParens() == E;
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P))
      return UO->isIncrementDecrementOp();
    return false;
  }

  /// E (the container) is the object of a member call, or of `operator[]`.
  const CXXMethodDecl *memberCalledOn(const Expr *E, const Stmt *P) const {
    while (const auto *IC = dyn_cast_or_null<ImplicitCastExpr>(P)) {
      if (IC->getCastKind() != CK_NoOp && IC->getCastKind() != CK_UncheckedDerivedToBase)
        return nullptr;
      P = PM.getParentIgnoreParens(IC);
    }
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(P))
      if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(PM.getParentIgnoreParens(ME));
          MC && MC->getCallee()->IgnoreParens() == ME)
        return MC->getMethodDecl();
    if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P);
        OC && OC->getNumArgs() && OC->getArg(0)->IgnoreParenImpCasts() == E->IgnoreParenImpCasts())
      return dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    return nullptr;
  }

  bool isMemberCallOn(const Expr *E, const Stmt *P) const { return memberCalledOn(E, P); }

  template <typename Fn> static void forEach(const Stmt *S, Fn &&F) {
    if (!S)
      return;
    F(S);
    for (const Stmt *C : S->children())
      forEach(C, F);
  }

  /// Walks out from the call to the conditions it runs under; the first that proves the index
  /// in range with nothing in between that could undo it wins.
  bool guarded() {
    const Stmt *Child = Call;
    for (const Stmt *P = PM.getParent(Child); P; Child = P, P = PM.getParent(P)) {
      if (isa<LambdaExpr, BlockExpr, CapturedStmt>(P))
        return false;
      const Expr *Cond = nullptr;
      bool Negated = false;
      if (const auto *For = dyn_cast<ForStmt>(P); For && For->getBody() == Child)
        Cond = For->getCond();
      else if (const auto *While = dyn_cast<WhileStmt>(P); While && While->getBody() == Child)
        Cond = While->getCond();
      else if (const auto *If = dyn_cast<IfStmt>(P); If && !If->isConsteval()) {
        Cond = If->getCond();
        Negated = If->getElse() == Child;
        if (If->getThen() != Child && !Negated)
          Cond = nullptr;
      }
      if (Cond && bounds(Cond, Negated) && nothingUndoes(Cond, Child, {}))
        return true;
      if (const auto *CS = dyn_cast<CompoundStmt>(P); CS && exitedEarly(CS, Child))
        return true;
    }
    return false;
  }

  /// The statement never falls through: it returns, throws, breaks or continues.
  static bool leaves(const Stmt *S) {
    if (const auto *C = dyn_cast_or_null<CompoundStmt>(S))
      return !C->body_empty() && leaves(C->body_back());
    return isa_and_nonnull<ReturnStmt, BreakStmt, ContinueStmt, CXXThrowExpr>(S);
  }

  /// `if (i >= v.size()) return;` (or break, continue, throw) before Child in Block.
  bool exitedEarly(const CompoundStmt *Block, const Stmt *Child) {
    SmallVector<const Stmt *, 8> Between;
    for (const Stmt *S : Block->body()) {
      if (S == Child)
        break;
      Between.push_back(S);
    }
    for (size_t I = Between.size(); I-- > 0;) {
      const auto *If = dyn_cast<IfStmt>(Between[I]);
      if (!If || If->getElse() || If->isConsteval() || !leaves(If->getThen()) ||
          !bounds(If->getCond(), /*Negated=*/true))
        continue;
      SmallVector<const Stmt *, 8> After(Between.begin() + I + 1, Between.end());
      bool HasLabel = false;
      for (const Stmt *S : After)
        forEach(S, [&](const Stmt *L) { HasLabel |= isa<LabelStmt>(L); });
      if (!HasLabel && nothingUndoes(If->getCond(), Child, After))
        return true;
    }
    return false;
  }

  /// Cond (false, when Negated) implies `Index < size()` of the container.
  bool bounds(const Expr *Cond, bool Negated) const {
    const Expr *E = Cond->IgnoreParens();
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_LNot)
      return bounds(U->getSubExpr(), !Negated);
    const auto *BO = dyn_cast<BinaryOperator>(E);
    if (!BO)
      return false;
    if (BO->getOpcode() == (Negated ? BO_LOr : BO_LAnd))
      return bounds(BO->getLHS(), Negated) || bounds(BO->getRHS(), Negated);
    BinaryOperatorKind Op = BO->getOpcode();
    if (Negated)
      Op = Op == BO_GE ? BO_LT : Op == BO_LE ? BO_GT : BO_Comma;
    if (Op == BO_LT)
      return isIndex(BO->getLHS()) && isSize(BO->getRHS());
    if (Op == BO_GT)
      return isSize(BO->getLHS()) && isIndex(BO->getRHS());
    return false;
  }

  /// The index, converted (as `at` converts it) to an unsigned type as wide as size_type.
  bool isIndex(const Expr *E) const {
    QualType T = E->getType();
    if (!T->isUnsignedIntegerType() || Ctx.getTypeSize(T) != Ctx.getTypeSize(SizeType))
      return false;
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == Index;
  }

  bool isSize(const Expr *E) const {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(E->IgnoreParenImpCasts());
    const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
    if (!MD || !MD->getIdentifier() || (MD->getName() != "size" && MD->getName() != "length") ||
        MD->getParent() != Call->getMethodDecl()->getParent())
      return false;
    ObjectPath P = pathOf(MC->getImplicitObjectArgument());
    return P == Object;
  }

  /// Nothing runs between the condition and the call that could change the index or the
  /// container's size: the condition itself, Before (statements between an early exit and
  /// Body), then what precedes the call inside Body.
  bool nothingUndoes(const Expr *Cond, const Stmt *Body, ArrayRef<const Stmt *> Before) {
    SmallVector<const Stmt *, 8> Region{Cond, Call->getImplicitObjectArgument(), Call->getArg(0)};
    Region.append(Before.begin(), Before.end());
    bool HasLabel = false;
    forEach(Body, [&](const Stmt *S) { HasLabel |= isa<LabelStmt>(S); });
    if (HasLabel) // a jump into the body would skip the condition
      return false;
    for (const Stmt *Child = Call; Child != Body;) {
      const Stmt *P = PM.getParent(Child);
      if (!P || isa<LambdaExpr, BlockExpr, CapturedStmt>(P))
        return false;
      if (const auto *CS = dyn_cast<CompoundStmt>(P)) {
        for (const Stmt *S : CS->body()) {
          if (S == Child)
            break;
          Region.push_back(S);
        }
      } else if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P)) {
        Region.push_back(P); // earlier iterations ran before this one
      } else if (const auto *If = dyn_cast<IfStmt>(P)) {
        Region.append({If->getInit(), If->getConditionVariableDeclStmt(), If->getCond()});
      } else if (const auto *Sw = dyn_cast<SwitchStmt>(P)) {
        Region.append({Sw->getInit(), Sw->getConditionVariableDeclStmt(), Sw->getCond()});
      } else if (const auto *CO = dyn_cast<AbstractConditionalOperator>(P)) {
        Region.push_back(CO->getCond());
      } else if (const auto *BO = dyn_cast<BinaryOperator>(P);
                 BO && (BO->isLogicalOp() || BO->isCommaOp())) {
        if (BO->getRHS() == Child)
          Region.push_back(BO->getLHS());
      } else {
        for (const Stmt *S : P->children())
          if (S != Child)
            Region.push_back(S);
      }
      Child = P;
    }
    for (const Stmt *S : Region)
      if (S && !harmless(S))
        return false;
    return true;
  }

  /// Within S, nothing writes the index and nothing changes the container's size.
  bool harmless(const Stmt *Root) {
    bool Ok = true;
    forEach(Root, [&](const Stmt *S) {
      if (!Ok)
        return;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == Index) {
        Ok = isRead(PM.getParentIgnoreParens(DRE));
        return;
      }
      if (const auto *E = dyn_cast<Expr>(S); E && (isa<DeclRefExpr, MemberExpr, CXXThisExpr>(E))) {
        ObjectPath P = pathOf(E);
        if (!P.empty() && isPrefix(P, Object)) {
          const Stmt *Parent = PM.getParentIgnoreParens(E);
          if (P.size() < Object.size()) // `s` of `s.v`, `this`: fine only to reach a member
            Ok = isa_and_nonnull<MemberExpr>(Parent) ||
                 (isa_and_nonnull<ImplicitCastExpr>(Parent) &&
                  isa_and_nonnull<MemberExpr>(PM.getParentIgnoreParens(Parent)));
          else
            Ok = keepsSize(memberCalledOn(E, Parent));
          if (!Ok)
            return;
        }
      }
      if (ObjectLocal)
        return;
      // The container is reachable from elsewhere: any call could change it.
      if (isa<CallExpr, CXXConstructExpr>(S))
        Ok = isHarmlessCall(S) || calledOnObject(S);
      else if (isa<CXXNewExpr, CXXDeleteExpr, CXXBindTemporaryExpr, CoroutineSuspendExpr>(S))
        Ok = false;
      else if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D);
              VD && VD->needsDestruction(Ctx) != QualType::DK_none)
            Ok = false; // its destructor runs before the call when the block ends
    });
    return Ok;
  }

  /// A member call whose object is the container (the path check has vetted the method).
  bool calledOnObject(const Stmt *S) const {
    const Expr *Obj = nullptr;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
      Obj = MC->getImplicitObjectArgument();
    else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
             OC && OC->getNumArgs() && isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()))
      Obj = OC->getArg(0);
    return Obj && pathOf(Obj) == Object;
  }
};

} // namespace

IndexRangeProver::~IndexRangeProver() = default;

bool IndexRangeProver::inRange(const CXXMemberCallExpr *Call) {
  if (!FD || !FD->getBody())
    return false;
  if (!Parents)
    Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(FD->getBody()));
  if (!Parents->hasParent(Call))
    return false;
  return Proof(Ctx, FD, *Parents, Call).run();
}

} // namespace rtcheck
