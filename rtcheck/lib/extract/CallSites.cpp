//===- CallSites.cpp - pass 2: the call sites of one body -----------------===//
//
// Every call a body makes, explicit and implicit: constructors, destructors of locals,
// temporaries, members and bases, new/delete, throw, guarded statics, non-lock-free atomics,
// virtual and indirect calls. See docs/design.md for why sites are recorded at these locations.
//
//===----------------------------------------------------------------------===//
#include "Guards.h"
#include "SummaryBuilder.h"

#include "CalledOnField.h"
#include "CheckedObjects.h"
#include "ConstantConditions.h"
#include "EndingPaths.h"
#include "FunctionTargets.h"
#include "IndexRanges.h"
#include "ModeValues.h"

#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// Pass 2: the call sites of one body.
class BodyWalker : public DynamicRecursiveASTVisitor {
public:
  BodyWalker(SummaryBuilder &B, const FunctionDecl *FD)
      : B(B), Ctx(B.Ctx), FD(FD), Generated(FD->isImplicit() || FD->isDefaulted()),
        ThrowEndsProgram(exceptionsEndProgramIn(FD)), Regions(B, FD), Ranges(B.Ctx, FD) {
    ShouldVisitImplicitCode = true;
    ShouldVisitLambdaBody = false; // a lambda body is its own function
  }

  std::vector<CallSite> Calls;

  void run() {
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : Ctor->inits()) {
        if (!Init->getInit())
          continue;
        // An implicit member initialisation happens "at" the member's declaration.
        SourceLocation At;
        if (!Init->isWritten() && !isa<CXXDefaultInitExpr>(Init->getInit()))
          At = Init->getMember() ? Init->getMember()->getLocation() : Ctor->getLocation();
        LocationScope Scope(*this, At);
        if (const FieldDecl *Member = Init->getMember())
          markElided(Init->getInit(), Member->getType());
        TraverseStmt(Init->getInit());
      }
    EndingStatements = statementsEndingInNoReturn(FD->getBody());
    TraverseStmt(FD->getBody());
    if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(FD))
      addMemberAndBaseDestructors(Dtor);
  }

  bool TraverseStmt(Stmt *S) override {
    NestingGuard::Level L(B.Nesting, S);
    if (!L)
      return false;
    auto It = S ? EndingStatements.find(S) : EndingStatements.end();
    if (It == EndingStatements.end())
      return DynamicRecursiveASTVisitor::TraverseStmt(S);
    PathEnd Saved = EndsIn;
    EndsIn = It->second;
    bool Result = DynamicRecursiveASTVisitor::TraverseStmt(S);
    EndsIn = Saved;
    return Result;
  }

  // Guards.h: the conditions that hold where each site is recorded.
  bool dataTraverseStmtPre(Stmt *S) override {
    Regions.enter(S);
    return true;
  }
  bool dataTraverseStmtPost(Stmt *S) override {
    Regions.leave(S);
    return true;
  }

  // Local classes and nested functions are collected as functions of their own.
  bool TraverseCXXRecordDecl(CXXRecordDecl *) override { return true; }
  bool TraverseRecordDecl(RecordDecl *) override { return true; }

  // Unevaluated operands make no calls: decltype and other types, sizeof/alignof, noexcept(),
  // a non-polymorphic typeid, static_assert, requires-expressions.
  bool TraverseType(QualType, bool) override { return true; }
  bool TraverseTypeLoc(TypeLoc, bool) override { return true; }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) override { return true; }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) override { return true; }
  bool TraverseStaticAssertDecl(StaticAssertDecl *) override { return true; }
  bool TraverseRequiresExpr(RequiresExpr *) override { return true; }
  bool TraverseConceptSpecializationExpr(ConceptSpecializationExpr *) override { return true; }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) override {
    return E->isPotentiallyEvaluated() ? DynamicRecursiveASTVisitor::TraverseCXXTypeidExpr(E)
                                       : true;
  }

  // Objects checked non-empty by their `operator bool` on the way to a call (CheckedObjects.cpp).
  bool TraverseIfStmt(IfStmt *S) override;
  bool TraverseConditionalOperator(ConditionalOperator *E) override;
  bool TraverseBinaryOperator(BinaryOperator *E) override;
  bool TraverseCompoundStmt(CompoundStmt *S) override;
  /// Calls in a try block may throw to its handlers; calls in a handler may not.
  bool TraverseCXXTryStmt(CXXTryStmt *S) override {
    ++TryDepth;
    bool Go = TraverseStmt(S->getTryBlock());
    --TryDepth;
    for (unsigned I = 0; Go && I < S->getNumHandlers(); ++I)
      Go = TraverseStmt(S->getHandler(I));
    return Go;
  }

  bool TraverseCXXDefaultArgExpr(CXXDefaultArgExpr *E) override {
    // A default argument runs at the call, not where it was written.
    LocationScope Scope(*this, E->getUsedLocation());
    return TraverseStmt(E->getExpr());
  }

  bool TraverseCXXDefaultInitExpr(CXXDefaultInitExpr *E) override {
    // A default member initialiser is code the user wrote, even inside a generated constructor.
    bool Saved = UserWritten;
    UserWritten = true;
    bool Result = TraverseStmt(E->getExpr());
    UserWritten = Saved;
    return Result;
  }

  bool VisitCallExpr(CallExpr *CE) override {
    const Decl *D = CE->getCalleeDecl();
    const auto *Callee = dyn_cast_or_null<FunctionDecl>(D);
    if (!Callee) {
      addIndirect(CE);
      return true;
    }
    if (unsigned ID = Callee->getBuiltinID()) {
      if (ID == Builtin::BI__builtin_operator_new) {
        add(B.runtimeEntry("operator new"), CallKind::Direct, CE->getExprLoc());
        return true;
      }
      if (ID == Builtin::BI__builtin_operator_delete) {
        add(B.runtimeEntry("operator delete"), CallKind::Direct, CE->getExprLoc());
        return true;
      }
      // `__builtin_malloc` is `malloc` under another name: the rules for the library function
      // apply (and with none, it is as safe as any builtin).
      if (std::string Lib = libraryFunctionOf(ID); !Lib.empty()) {
        size_t I = B.runtimeEntry(Lib);
        B.Out.Functions[I].IsBuiltin = true;
        CallSite &Site = add(I, CallKind::Direct, CE->getExprLoc());
        if (Callee->isNoReturn())
          Site.PathEndsIn = Site.Callee;
        return true;
      }
      if (B.isPureBuiltin(Callee))
        return true;
    }
    // A trivial function (e.g. the destructor of a trivially destructible type that a container
    // calls explicitly) does nothing and has no body to follow.
    if (Callee->isTrivial())
      return true;
    CallKind Kind = CallKind::Direct;
    std::string Receiver;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee); MD && MD->isVirtual()) {
      const Expr *Base = nullptr;
      bool Qualified = false;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
        Base = MC->getImplicitObjectArgument();
        if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
          Qualified = ME->hasQualifier();
      } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE); OC && OC->getNumArgs()) {
        Base = OC->getArg(0);
      }
      if (!Qualified && !(Base && MD->getDevirtualizedMethod(Base, false))) {
        Kind = CallKind::Virtual;
        Receiver = receiverClass(Base, MD);
      }
    }
    CallSite &Site = add(B.entryFor(Callee), Kind, CE->getExprLoc());
    Site.Receiver = std::move(Receiver);
    Site.Checked = isChecked(CE);
    Site.Through = calledObjectSlot(B, CE, FD, Site.Loc); // a std::function's slot
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      Site.InRange = Ranges.inRange(MC);
    if (SourceLocation L = CE->getCallee()->getBeginLoc(); L.isMacroID())
      Site.Spelled = Lexer::getImmediateMacroName(L, B.SM, Ctx.getLangOpts()).str();
    recordArguments(CE, Callee, Site);
    if (!Site.FunctionArgs.empty() || !Site.ArgSlots.empty())
      Site.CalledOn = fieldCalledOn(CE); // a registration, maybe: rules' `called_on`
    if (Callee->isNoReturn())
      Site.PathEndsIn = B.usrOf(Callee->getCanonicalDecl());
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *E) override {
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if (!Ctor || Ctor->isTrivial())
      return true;
    CallSite &Site = add(B.entryFor(Ctor), CallKind::Direct, E->getLocation());
    // Stream classes register their callback through a constructor argument.
    recordArguments(ArrayRef<const Expr *>(E->getArgs(), E->getNumArgs()), Ctor, Site);
    return true;
  }

  bool VisitCXXInheritedCtorInitExpr(CXXInheritedCtorInitExpr *E) override {
    if (const CXXConstructorDecl *Ctor = E->getConstructor(); Ctor && !Ctor->isTrivial())
      add(B.entryFor(Ctor), CallKind::Direct, E->getLocation());
    return true;
  }

  bool VisitCXXNewExpr(CXXNewExpr *E) override {
    const FunctionDecl *New = E->getOperatorNew();
    if (New && !New->isReservedGlobalPlacementOperator())
      add(B.entryFor(New), CallKind::Direct, E->getBeginLoc());
    return true;
  }

  bool VisitCXXDeleteExpr(CXXDeleteExpr *E) override {
    QualType T = E->getDestroyedType();
    if (const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl())
      if (const CXXDestructorDecl *Dtor = RD->getDestructor(); Dtor && !Dtor->isTrivial()) {
        bool Virtual =
            Dtor->isVirtual() && !RD->hasAttr<FinalAttr>() && !Dtor->hasAttr<FinalAttr>();
        add(B.entryFor(Dtor), Virtual ? CallKind::Virtual : CallKind::Direct, E->getBeginLoc(),
            "destructor of the deleted object");
      }
    if (const FunctionDecl *Delete = E->getOperatorDelete())
      add(B.entryFor(Delete), CallKind::Direct, E->getBeginLoc());
    return true;
  }

  bool VisitCXXThrowExpr(CXXThrowExpr *E) override {
    if (E->getSubExpr()) {
      add(B.runtimeEntry("__cxa_allocate_exception"), CallKind::Direct, E->getThrowLoc());
      add(B.runtimeEntry("__cxa_throw"), CallKind::Direct, E->getThrowLoc());
    } else {
      add(B.runtimeEntry("__cxa_rethrow"), CallKind::Direct, E->getThrowLoc());
    }
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *RS) override {
    markElided(RS->getRetValue(), FD->getReturnType());
    return true;
  }

  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E) override {
    if (Elided.contains(E) || holdsTargetInPlace(E, Ctx))
      return true;
    if (const CXXDestructorDecl *Dtor = E->getTemporary()->getDestructor();
        Dtor && !Dtor->isTrivial())
      add(B.entryFor(Dtor), CallKind::Direct, E->getBeginLoc(), "destructor of a temporary");
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) override {
    if (isa<ParmVarDecl>(VD))
      return true;
    markElided(VD->getInit(), VD->getType());
    if (VD->hasLocalStorage() && !VD->isNRVOVariable()) {
      if (const CXXDestructorDecl *Dtor = destructorOf(VD->getType()))
        add(B.entryFor(Dtor), CallKind::Direct, VD->getLocation(),
            ("destructor of '" + VD->getName() + "'").str());
      return true;
    }
    // A guard protects a dynamic initialiser, and also the one-time registration of a
    // destructor with __cxa_atexit for a constant-initialised static.
    if (VD->isStaticLocal() && Ctx.getLangOpts().CPlusPlus && Ctx.getLangOpts().ThreadsafeStatics &&
        VD->hasInit() && !VD->getType()->isDependentType() &&
        (!VD->hasConstantInitialization() || VD->needsDestruction(Ctx) != QualType::DK_none))
      add(B.runtimeEntry("__cxa_guard_acquire"), CallKind::Direct, VD->getLocation(),
          ("guarded initialisation of static '" + VD->getName() + "'").str())
          .StaticInit = Regions.staticName(VD);
    return true;
  }

  bool VisitAtomicExpr(AtomicExpr *E) override {
    QualType T = E->getValueType();
    if (T.isNull() || T->isDependentType() || T->isIncompleteType())
      return true;
    uint64_t Size = Ctx.getTypeSize(T);
    uint64_t Align = Ctx.getTypeAlign(T);
    if (Ctx.getTargetInfo().hasBuiltinAtomic(Size, Align))
      return true;
    add(B.runtimeEntry(SummaryBuilder::libatomicName(E)), CallKind::Direct, E->getBeginLoc(),
        "'" + T.getAsString() + "' is not lock-free");
    return true;
  }

private:
  /// The object a call is made on (`f` in `f(x)` or `f.value()`) is in CheckedObjects.
  bool isChecked(const CallExpr *CE) const;
  /// While alive, the objects Cond checks non-empty are in CheckedObjects.
  struct CheckedScope {
    CheckedScope(BodyWalker &W, const Expr *Cond, bool Negated = false);
    ~CheckedScope() { W.CheckedObjects.resize(Size); }
    BodyWalker &W;
    size_t Size;
  };
  SmallVector<const ValueDecl *, 4> CheckedObjects;

  /// The USR of a virtual call's receiver's static class, when it is not the method's own class:
  /// the call then runs only overriders that class or its subclasses can have.
  std::string receiverClass(const Expr *Base, const CXXMethodDecl *MD) {
    if (!Base)
      return {};
    // The object before its implicit conversion to the method's class (`(Base *)a`).
    QualType T = Base->IgnoreParenImpCasts()->getType();
    if (const auto *PT = T->getAs<clang::PointerType>())
      T = PT->getPointeeType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition() ||
        RD->getCanonicalDecl() == MD->getParent()->getCanonicalDecl())
      return {};
    return B.noteClass(RD);
  }

  /// While alive, every site recorded uses At as its location (when At is valid).
  struct LocationScope {
    LocationScope(BodyWalker &W, SourceLocation At) : W(W), Saved(W.Override) {
      if (At.isValid())
        W.Override = At;
    }
    ~LocationScope() { W.Override = Saved; }
    BodyWalker &W;
    SourceLocation Saved;
  };

  /// The library function a `__builtin_` spelling stands for (`__builtin_malloc`: `malloc`).
  std::string libraryFunctionOf(unsigned ID) const {
    std::string Name = Ctx.BuiltinInfo.getName(ID);
    StringRef Lib(Name);
    if (!Ctx.BuiltinInfo.isLibFunction(ID) || !Lib.consume_front("__builtin_"))
      return {};
    return Lib.str();
  }

  /// A prvalue that initialises an object of its own type is that object (C++17 guaranteed
  /// elision): Clang still wraps it in a CXXBindTemporaryExpr, but no temporary is destroyed.
  void markElided(const Expr *E, QualType Target) {
    if (!E || Target.isNull() || !Ctx.getLangOpts().CPlusPlus17)
      return;
    for (int Depth = 0; E && Depth < 8; ++Depth) {
      E = E->IgnoreParens();
      if (const auto *C = dyn_cast<ExprWithCleanups>(E)) {
        E = C->getSubExpr();
      } else if (const auto *D = dyn_cast<CXXDefaultInitExpr>(E)) {
        E = D->getExpr();
      } else if (const auto *Cast = dyn_cast<CastExpr>(E);
                 Cast && (Cast->getCastKind() == CK_NoOp ||
                          Cast->getCastKind() == CK_ConstructorConversion)) {
        E = Cast->getSubExpr();
      } else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
        if (Ctx.hasSameUnqualifiedType(B->getType(), Target))
          Elided.insert(B);
        return;
      } else {
        return;
      }
    }
  }

  const CXXDestructorDecl *destructorOf(QualType T) {
    T = Ctx.getBaseElementType(T);
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor())
      return nullptr;
    return RD->getDestructor();
  }

  void addMemberAndBaseDestructors(const CXXDestructorDecl *Dtor) {
    const CXXRecordDecl *RD = Dtor->getParent();
    for (const FieldDecl *Field : RD->fields())
      if (const CXXDestructorDecl *D = destructorOf(Field->getType()))
        add(B.entryFor(D), CallKind::Direct, Field->getLocation(),
            Field->getName().empty() ? std::string("destructor of a lambda capture")
                                     : ("destructor of member '" + Field->getName() + "'").str());
    for (const CXXBaseSpecifier &Base : RD->bases())
      if (const CXXDestructorDecl *D = destructorOf(Base.getType()))
        add(B.entryFor(D), CallKind::Direct, Base.getBeginLoc(),
            "destructor of base '" + Base.getType().getAsString() + "'");
  }

  void addIndirect(CallExpr *CE) {
    const Expr *Callee = CE->getCallee()->IgnoreParens();
    std::string Key;
    if (const auto *BO = dyn_cast<BinaryOperator>(Callee); BO && BO->isPtrMemOp()) {
      const auto *MPT = BO->getRHS()->getType()->getAs<MemberPointerType>();
      if (!MPT)
        return;
      Key = B.typeKey(MPT->getPointeeType(), MPT->getMostRecentCXXRecordDecl());
    } else {
      QualType T = Callee->getType();
      if (const auto *PT = T->getAs<clang::PointerType>())
        T = PT->getPointeeType();
      else if (const auto *RT = T->getAs<ReferenceType>())
        T = RT->getPointeeType();
      if (!T->isFunctionType())
        return; // e.g. a pseudo-destructor call or a block
      Key = B.typeKey(T, nullptr);
    }
    CallSite &Site = add(std::move(Key), CallKind::Indirect, CE->getExprLoc());
    if (const auto *ME = dyn_cast<MemberExpr>(Callee->IgnoreParenImpCasts()))
      if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        Site.Field = Field->getQualifiedNameAsString();
    if (!isa<BinaryOperator>(Callee))
      Site.Through = indirectCalleeSlot(B, Callee, FD, Site.Loc);
    // The pointer may be a registration API loaded by name (`dlsym`): its callback arguments.
    ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
    recordArgumentSlots(B, Args, Site);
    for (unsigned I = 0; I < Args.size(); ++I)
      if (!Args[I]->isValueDependent() && !Args[I]->isTypeDependent())
        for (const FunctionDecl *Fn : functionsNamedBy(Args[I]))
          Site.FunctionArgs.emplace_back(I, B.usrOf(Fn));
  }

  void recordArguments(const CallExpr *CE, const FunctionDecl *Callee, CallSite &Site) {
    ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
    if (isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(Callee) && !Args.empty())
      Args = Args.drop_front(); // argument 0 is the object
    recordArguments(Args, Callee, Site);
  }

  void recordArguments(ArrayRef<const Expr *> Args, const FunctionDecl *Callee, CallSite &Site) {
    recordArgumentSlots(B, Args, Site);
    bool Library = !Callee->hasBody();
    bool LibraryDecl = B.isSystem(Callee->getLocation());
    for (unsigned I = 0; I < Args.size(); ++I) {
      const Expr *Arg = Args[I];
      if (Arg->isValueDependent() || Arg->isTypeDependent())
        continue;
      if (auto Fns = functionsNamedBy(Arg); !Fns.empty()) {
        for (const FunctionDecl *Fn : Fns)
          Site.FunctionArgs.emplace_back(I, B.usrOf(Fn));
        continue;
      }
      // Object and call arguments matter only for rules, which describe library functions.
      if (Library) {
        // Integers too when they read a variable or field: a thread handle (`self->thread`).
        if (Arg->getType()->isPointerType() ||
            (Arg->getType()->isIntegerType() &&
             isa<DeclRefExpr, MemberExpr>(Arg->IgnoreParenImpCasts())))
          if (std::string Object = objectNamedBy(B, Arg); !Object.empty())
            Site.ObjectArgs.emplace_back(I, std::move(Object));
        if (const auto *Call = dyn_cast<CallExpr>(Arg->IgnoreParenImpCasts()))
          if (const FunctionDecl *Inner = Call->getDirectCallee())
            Site.CallArgs.emplace_back(I, B.nameOf(Inner));
      }
      // Constants are for rules (library functions) and for the guards of user functions'
      // bodies, as are parameters passed on unchanged (Guards.h).
      if (int Param = Regions.unchangedParam(Arg);
          Param >= 0 && I < Callee->getNumParams() &&
          Ctx.hasSameUnqualifiedType(Arg->IgnoreParenImpCasts()->getType(),
                                     Callee->getParamDecl(I)->getType()))
        Site.ParamArgs.emplace_back(I, unsigned(Param));
      else if (std::string Result = Regions.callResultOf(Arg); !Result.empty() && !LibraryDecl)
        Site.ResultArgs.emplace_back(I, std::move(Result)); // ReturnValues.h
      else if (const ValueDecl *M = LibraryDecl ? nullptr : modeMemberRead(B, Arg))
        Site.MemberArgs.emplace_back(I, M->getQualifiedNameAsString()); // ModeValues.h
      Expr::EvalResult R;
      if (Arg->getType()->isIntegralOrEnumerationType()) {
        if (Arg->EvaluateAsInt(R, Ctx) && R.Val.isInt())
          Site.ConstArgs.emplace_back(I, R.Val.getInt().getExtValue());
      } else if (Arg->getType()->isPointerType() &&
                 Arg->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull)) {
        // Rules say nothing of null pointers: recorded for user callees only.
        if (!LibraryDecl)
          Site.ConstArgs.emplace_back(I, 0);
      } else if (const auto *S = dyn_cast<clang::StringLiteral>(Arg->IgnoreParenImpCasts());
                 S && LibraryDecl && S->isOrdinary() && S->getLength() <= MaxStringArg) {
        Site.StringArgs.emplace_back(I, S->getString().str());
      } else if (Arg->getType()->isRecordType() && Arg->EvaluateAsRValue(R, Ctx) &&
                 isAllZero(R.Val)) {
        // A struct timeout such as Zephyr's K_NO_WAIT, `(k_timeout_t){0}`, reads as 0.
        Site.ConstArgs.emplace_back(I, 0);
      }
    }
  }

  CallSite &add(size_t CalleeIndex, CallKind Kind, SourceLocation L, std::string Note = {}) {
    return add(B.Out.Functions[CalleeIndex].USR, Kind, L, std::move(Note));
  }

  CallSite &add(std::string Callee, CallKind Kind, SourceLocation L, std::string Note = {}) {
    if (Override.isValid())
      L = Override;
    CallSite C;
    C.Kind = Kind;
    C.Callee = std::move(Callee);
    C.Loc = B.loc(L);
    // The member-wise work of a compiler-generated function is not the user's code: like a
    // library call's, its effects are reported where the user calls the function.
    C.InSystemHeader = B.isSystem(L) || (Generated && !UserWritten);
    C.Note = std::move(Note);
    C.ThrowEndsProgram = ThrowEndsProgram && TryDepth == 0;
    if (const auto *Fn = dyn_cast_if_present<const FunctionDecl *>(EndsIn))
      C.PathEndsIn = B.Out.Functions[B.entryFor(Fn)].USR;
    else if (EndsIn)
      C.PathEndsIn = B.Out.Functions[B.runtimeEntry(DebuggerTrap)].USR;
    Regions.apply(C);
    Calls.push_back(std::move(C));
    return Calls.back();
  }

  SummaryBuilder &B;
  ASTContext &Ctx;
  const FunctionDecl *FD;
  const bool Generated;
  const bool ThrowEndsProgram;
  bool UserWritten = false;
  SourceLocation Override;
  /// The statements after which control never comes back, and the noreturn callee ending the
  /// innermost one being walked.
  DenseMap<const Stmt *, PathEnd> EndingStatements;
  PathEnd EndsIn = nullptr;
  unsigned TryDepth = 0;
  DenseSet<const CXXBindTemporaryExpr *> Elided;
  GuardRegions Regions;
  IndexRangeProver Ranges;
  /// Longer string arguments are not worth their summary space (formats are short).
  static constexpr unsigned MaxStringArg = 256;
};

BodyWalker::CheckedScope::CheckedScope(BodyWalker &W, const Expr *Cond, bool Negated)
    : W(W), Size(W.CheckedObjects.size()) {
  objectsCheckedBy(Cond, Negated, W.CheckedObjects);
}

bool BodyWalker::isChecked(const CallExpr *CE) const {
  const Expr *Object = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    Object = MC->getImplicitObjectArgument();
  else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
           OC && OC->getNumArgs() && isa_and_nonnull<CXXMethodDecl>(OC->getCalleeDecl()))
    Object = OC->getArg(0);
  const ValueDecl *D = checkedObjectOf(Object);
  return D && is_contained(CheckedObjects, D);
}

bool BodyWalker::TraverseIfStmt(IfStmt *S) {
  TraverseStmt(S->getInit());
  TraverseStmt(S->getConditionVariableDeclStmt());
  TraverseStmt(S->getCond());
  // A branch a constant condition rules out makes no calls (ConstantConditions.h).
  if (CheckedScope Scope(*this, S->getCond()); !ruledOut(S->getCond(), true, S->getThen(), Ctx))
    TraverseStmt(S->getThen());
  CheckedScope Scope(*this, S->getCond(), /*Negated=*/true);
  return ruledOut(S->getCond(), false, S->getElse(), Ctx) || TraverseStmt(S->getElse());
}

bool BodyWalker::TraverseConditionalOperator(ConditionalOperator *E) {
  TraverseStmt(E->getCond());
  if (CheckedScope Scope(*this, E->getCond());
      !ruledOut(E->getCond(), true, E->getTrueExpr(), Ctx))
    TraverseStmt(E->getTrueExpr());
  CheckedScope Scope(*this, E->getCond(), /*Negated=*/true);
  return ruledOut(E->getCond(), false, E->getFalseExpr(), Ctx) ||
         TraverseStmt(E->getFalseExpr());
}

bool BodyWalker::TraverseBinaryOperator(BinaryOperator *E) {
  if (E->getOpcode() != BO_LAnd && E->getOpcode() != BO_LOr)
    return DynamicRecursiveASTVisitor::TraverseBinaryOperator(E);
  TraverseStmt(E->getLHS());
  // `f && f(x)`: the right side runs when f holds; `!f || f(x)`: when !f fails.
  CheckedScope Scope(*this, E->getLHS(), /*Negated=*/E->getOpcode() == BO_LOr);
  return ruledOut(E->getLHS(), E->getOpcode() == BO_LAnd, E->getRHS(), Ctx) ||
         TraverseStmt(E->getRHS());
}

bool BodyWalker::TraverseCompoundStmt(CompoundStmt *S) {
  // `if (!f) return;` checks f for the rest of the block.
  size_t Size = CheckedObjects.size();
  for (Stmt *Child : S->body()) {
    TraverseStmt(Child);
    objectsCheckedAfter(Child, CheckedObjects);
  }
  CheckedObjects.resize(Size);
  return true;
}

} // namespace

std::vector<CallSite> callSitesOf(SummaryBuilder &B, const FunctionDecl *FD) {
  BodyWalker W(B, FD);
  W.run();
  return std::move(W.Calls);
}

} // namespace rtcheck
