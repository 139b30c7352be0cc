//===- ValueWrites.cpp - the bits integer members may be given ------------===//
//
// See ValueWrites.h. A write is modelled when it is a store, a compound assignment or an
// initialiser of the member named directly (`s.flags = K`, `o->flags |= K`, `flags(K)`,
// `int flags = K;`, `{K}`); every other use of the member that is not a read (its address
// taken, a reference bound to it, `++`) may give it any value. Objects written as raw memory or
// by code the analysis cannot see are RawWrites of their record, and of the records they hold.
//
//===----------------------------------------------------------------------===//
#include "ValueWrites.h"

#include "GuardedWalk.h"
#include "clang/AST/ExprCXX.h"

#include <set>
#include <tuple>

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// The prefix every member's Var of RD starts with (`ns::Foo<int>`), as the guards name them;
/// empty when RD has no named field.
std::string recordKey(const RecordDecl *RD) {
  for (const FieldDecl *F : RD->fields())
    if (!F->getName().empty()) {
      std::string Q = F->getQualifiedNameAsString();
      return Q.substr(0, Q.size() - F->getName().size() - 2);
    }
  return {};
}

class WriteCollector : public GuardedWalk {
public:
  using EscapeSet = std::set<std::tuple<const RecordDecl *, std::string, int, bool>>;

  WriteCollector(SummaryBuilder &B, GuardRegions *Regions, EscapeSet &Escaped)
      : GuardedWalk(Regions), B(B), Regions(Regions), Escaped(Escaped) {}

  /// A constructor's member initialisers run before its body, unconditionally.
  void constructorInits(const CXXConstructorDecl *Ctor) {
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      const FieldDecl *F = Init->getMember();
      Expr *E = Init->getInit();
      if (!E)
        continue;
      // A default member initialiser is recorded with the member's declaration.
      if (F && tracked(F) && !isa<CXXDefaultInitExpr>(E))
        write(F, bitsOf(E), /*Guarded=*/false);
      TraverseStmt(E);
    }
  }

  bool VisitBinaryOperator(BinaryOperator *BO) override {
    if (!BO->isAssignmentOp())
      return true;
    const FieldDecl *F = member(BO->getLHS());
    if (!F)
      return true;
    switch (BO->getOpcode()) {
    case BO_Assign:
    case BO_OrAssign:
    case BO_XorAssign:
      write(F, bitsOf(BO->getRHS()));
      break;
    case BO_AndAssign: // clears bits only
      write(F, uint64_t(0));
      break;
    default:
      write(F, std::nullopt);
    }
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *U) override {
    if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
      if (const FieldDecl *F = member(U->getSubExpr()))
        write(F, std::nullopt);
    // A pointer to member (`&S::flags`) writes through `obj.*p`, which names no member.
    if (U->getOpcode() == UO_AddrOf)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParens()))
        if (const auto *F = dyn_cast<FieldDecl>(Ref->getDecl()); F && tracked(F))
          write(F, std::nullopt);
    return true;
  }

  bool VisitImplicitCastExpr(ImplicitCastExpr *C) override {
    if (C->getCastKind() == CK_LValueToRValue)
      if (const auto *ME = dyn_cast<MemberExpr>(C->getSubExpr()->IgnoreParens()))
        Handled.insert(ME);
    return true;
  }

  /// Any other use of the member as an lvalue (a reference bound to it, an unmodelled builtin).
  bool VisitMemberExpr(MemberExpr *ME) override {
    if (Handled.contains(ME) || !ME->isGLValue())
      return true;
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()); F && tracked(F))
      write(F, std::nullopt);
    return true;
  }

  bool VisitInitListExpr(InitListExpr *IL) override {
    if (!IL->isSemanticForm())
      IL = IL->getSemanticForm();
    const RecordDecl *RD = IL ? IL->getType()->getAsRecordDecl() : nullptr;
    if (!RD || RD->isUnion() || !Lists.insert(IL).second)
      return true;
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (I >= IL->getNumInits())
        break;
      const Expr *E = IL->getInit(I++);
      if (tracked(F) && !isa<ImplicitValueInitExpr>(E))
        write(F, bitsOf(E));
    }
    return true;
  }

  bool VisitCastExpr(CastExpr *C) override {
    if (!Handled.contains(C))
      untypedUse(C, {}, -1);
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) override {
    const FunctionDecl *Callee = CE->getDirectCallee();
    std::string USR = Callee ? B.Out.Functions[B.entryFor(Callee)].USR : std::string();
    // A callee defined here, or a virtual method (its overriders are the program's), writes
    // through typed pointers in code this walk sees.
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
    bool Seen = Callee && (Callee->isDefined() || (Method && Method->isVirtual()));
    // A member operator's first argument is its object, not a parameter.
    unsigned Shift = isa<CXXOperatorCallExpr>(CE) && isa_and_nonnull<CXXMethodDecl>(Callee);
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      const Expr *Arg = CE->getArg(I);
      // `(void *)&s` handed to a call: the link step knows calls that only pass it on.
      for (const Expr *E = Arg->IgnoreParens(); const auto *C = dyn_cast<CastExpr>(E);
           E = C->getSubExpr()->IgnoreParens())
        if (untypedUse(C, USR, int(I)))
          Handled.insert(C);
      QualType P = Callee && I >= Shift && I - Shift < Callee->getNumParams()
                       ? Callee->getParamDecl(I - Shift)->getType()
                       : Arg->getType();
      if (Shift && I == 0)
        P = B.Ctx.getLValueReferenceType(Arg->getType());
      if (const RecordDecl *RD = writableRecord(P); RD && !Seen)
        escape(RD, USR, int(I), false);
    }
    if (Seen)
      return true;
    // What such a callee returns it may have written itself, const or not.
    QualType Result = CE->getCallReturnType(B.Ctx);
    if (Result.isNull()) // a callee Clang could not type (code with errors it recovered from)
      return true;
    if (Result->isPointerType() || Result->isReferenceType())
      Result = Result->getPointeeType();
    if (const RecordDecl *RD = Result->getAsRecordDecl())
      escape(RD, USR, -2, false);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      if (const Expr *Object = MC->getImplicitObjectArgument())
        if (const RecordDecl *RD = Object->getType()->getPointeeOrArrayElementType()
                                       ->getAsRecordDecl())
          escape(RD, USR, -1, false);
    return true;
  }

  /// A constructor the program may not define writes the object it makes.
  bool VisitCXXConstructExpr(CXXConstructExpr *E) override {
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if (Ctor && !Ctor->isImplicit() && !Ctor->isDefaulted() && !Ctor->isDefined())
      escape(Ctor->getParent(), B.Out.Functions[B.entryFor(Ctor)].USR, -1, false);
    return true;
  }

  /// Records a member's declaration (no bits yet) and its default initialiser.
  void declaration(const FieldDecl *F) {
    if (!tracked(F))
      return;
    write(F, uint64_t(0), false);
    if (const Expr *Init = F->getInClassInitializer())
      write(F, bitsOf(Init), false);
  }

  /// A global declared here but defined elsewhere may be written by code outside the program.
  void declaredElsewhere(const VarDecl *VD) {
    if (!VD->getDefinition())
      escape(VD->getType()->getBaseElementTypeUnsafe()->getAsRecordDecl(), {}, -1, false);
  }

  /// A record held in a union shares its bytes with the union's other members.
  void unionMembers(const RecordDecl *RD) {
    for (const FieldDecl *F : RD->fields())
      if (const RecordDecl *Held = F->getType()->getBaseElementTypeUnsafe()->getAsRecordDecl())
        escape(Held, {}, -1, false);
  }

private:
  bool tracked(const FieldDecl *F) const {
    const RecordDecl *RD = F->getParent();
    // A volatile member may be changed by what the program does not show (a device, a signal).
    return F->getType()->isIntegralOrEnumerationType() && !F->getType().isVolatileQualified() &&
           !RD->isUnion() &&
           !RD->isDependentContext() && !B.isSystem(RD->getLocation()) && !F->getName().empty();
  }

  /// The tracked member E names directly, marking E as modelled.
  const FieldDecl *member(const Expr *E) {
    const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParens());
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!F || !tracked(F))
      return nullptr;
    Handled.insert(ME);
    return F;
  }

  std::optional<uint64_t> bitsOf(const Expr *E) const {
    if (std::optional<int64_t> K = constantValue(E, B.Ctx))
      return uint64_t(*K);
    return std::nullopt;
  }

  void write(const FieldDecl *F, std::optional<uint64_t> Bits, bool Guarded = true) {
    ValueWrite W;
    W.Var = F->getQualifiedNameAsString();
    W.AnyBits = !Bits;
    W.Bits = Bits.value_or(0);
    if (Guarded && Regions)
      W.Guards = Regions->clauses();
    B.Out.ValueWrites.push_back(std::move(W));
  }

  /// A cast that lets memory of a record be written as another type: both records' members
  /// may get any bits. A pointer made `void *` is inert until it is cast or handed to a call, so
  /// only `void *` arguments count (the link step knows calls that only pass them on); a `void *`
  /// read from a variable, parameter or member back to its record is that object again, while
  /// memory a call returns or bytes (`char *`) read as a record are written elsewhere.
  bool untypedUse(const CastExpr *C, const std::string &Callee, int Argument) {
    CastKind K = C->getCastKind();
    if (K != CK_BitCast && K != CK_LValueBitCast && K != CK_PointerToIntegral &&
        K != CK_IntegralToPointer)
      return false;
    QualType From = C->getSubExpr()->getType(), To = C->getType();
    QualType FromPointee = From->isPointerType() ? From->getPointeeType() : From;
    QualType ToPointee = To->isPointerType() ? To->getPointeeType() : To;
    if (FromPointee.getCanonicalType().getUnqualifiedType() ==
        ToPointee.getCanonicalType().getUnqualifiedType())
      return false;
    bool Escaped = false;
    // Through a pointer to const nothing is written.
    if (const RecordDecl *RD = FromPointee->getAsRecordDecl();
        RD && !(To->isPointerType() && ToPointee.isConstQualified()) &&
        (Argument >= 0 || !ToPointee->isVoidType())) {
      escape(RD, Callee, Argument, true);
      Escaped = true;
    }
    if (const RecordDecl *RD = ToPointee->getAsRecordDecl(); RD && !fromStoredPointer(C)) {
      escape(RD, {}, -1, true);
      Escaped = true;
    }
    return Escaped;
  }

  static bool fromStoredPointer(const CastExpr *C) {
    const Expr *Sub = C->getSubExpr()->IgnoreParenImpCasts();
    return Sub->getType()->isVoidPointerType() && isa<DeclRefExpr, MemberExpr>(Sub);
  }

  /// The record of a non-const pointer or reference type T, whose members a callee may write.
  static const RecordDecl *writableRecord(QualType T) {
    if (!T->isPointerType() && !T->isReferenceType())
      return nullptr;
    QualType Pointee = T->getPointeeType();
    return Pointee.isConstQualified() ? nullptr : Pointee->getAsRecordDecl();
  }

  /// RD's objects, the records they hold by value and their bases may be written elsewhere.
  void escape(const RecordDecl *RD, const std::string &Callee, int Argument, bool Untyped) {
    if (!RD || !(RD = RD->getDefinition()) || B.isSystem(RD->getLocation()) ||
        !Escaped.insert({RD, Callee, Argument, Untyped}).second)
      return;
    if (std::string Key = recordKey(RD); !Key.empty())
      B.Out.RawWrites.push_back({Key, Callee, Argument, Untyped});
    for (const FieldDecl *F : RD->fields())
      escape(F->getType()->getBaseElementTypeUnsafe()->getAsRecordDecl(), Callee, Argument,
             Untyped);
    if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD))
      for (const CXXBaseSpecifier &Base : CXX->bases())
        escape(Base.getType()->getAsRecordDecl(), Callee, Argument, Untyped);
  }

  SummaryBuilder &B;
  GuardRegions *Regions;
  DenseSet<const Stmt *> Handled;
  DenseSet<const InitListExpr *> Lists;
  EscapeSet &Escaped; ///< for the whole TU: each escape is recorded once
};

/// The TU's record definitions and the initialisers of its globals.
class DeclarationWalker : public DynamicRecursiveASTVisitor {
public:
  DeclarationWalker(SummaryBuilder &B, WriteCollector::EscapeSet &Escaped)
      : Outside(B, nullptr, Escaped) {
    ShouldVisitTemplateInstantiations = true;
  }

  bool VisitRecordDecl(RecordDecl *RD) override {
    if (!RD->isThisDeclarationADefinition() || RD->isDependentContext())
      return true;
    for (const FieldDecl *F : RD->fields())
      Outside.declaration(F);
    if (RD->isUnion())
      Outside.unionMembers(RD);
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) override {
    if (VD->hasExternalStorage() && !VD->getDeclContext()->isDependentContext())
      Outside.declaredElsewhere(VD);
    if (VD->hasGlobalStorage() && !VD->isStaticLocal() && !VD->getDeclContext()->isDependentContext())
      if (Expr *Init = VD->getInit())
        Outside.TraverseStmt(Init);
    return true;
  }

  WriteCollector Outside;
};

} // namespace

void collectValueWrites(SummaryBuilder &B, const SetVector<const FunctionDecl *> &Definitions) {
  WriteCollector::EscapeSet Escaped;
  DeclarationWalker Declarations(B, Escaped);
  Declarations.TraverseDecl(B.Ctx.getTranslationUnitDecl());
  for (const FunctionDecl *FD : Definitions) {
    GuardRegions Regions(B, FD);
    WriteCollector Body(B, &Regions, Escaped);
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      Body.constructorInits(Ctor);
    Body.TraverseStmt(FD->getBody());
  }
}

} // namespace rtcheck
