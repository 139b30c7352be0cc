//===- Extract.cpp - reduce a translation unit to a summary ---------------===//
//
// Two passes over the AST of one TU:
//  1. a whole-TU walk collects every function definition the TU provides (template
//     instantiations, implicit special members and lambda bodies included), the address-taken
//     functions and the functions stored into struct fields;
//  2. each collected body is walked for its call sites, explicit and implicit: constructors,
//     destructors of locals, temporaries, members and bases, new/delete, throw, guarded statics,
//     non-lock-free atomics, virtual and indirect calls.
// See docs/design.md for why sites are recorded at these locations.
//
//===----------------------------------------------------------------------===//
#include "rtcheck/Extract.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <chrono>
#include <mutex>

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

constexpr StringRef RealtimeAnnotation = "rtcheck.realtime:";
constexpr StringRef TrustedAnnotation = "rtcheck.trusted:";

/// Builds the summary of one TU. Owns the mapping from declarations to summary entries.
class SummaryBuilder {
public:
  SummaryBuilder(ASTContext &Ctx, Summary &Out) : Ctx(Ctx), SM(Ctx.getSourceManager()), Out(Out) {}

  ASTContext &Ctx;
  SourceManager &SM;
  Summary &Out;

  /// Summary index of a function, creating a declaration-only entry on first sight.
  size_t entryFor(const FunctionDecl *FD) {
    FD = FD->getCanonicalDecl();
    if (auto It = Index.find(FD); It != Index.end())
      return It->second;
    Function F;
    F.USR = usrOf(FD);
    F.Name = nameOf(FD);
    F.Loc = loc(FD->getLocation());
    F.InSystemHeader = isSystem(FD->getLocation());
    F.IsBuiltin = isPureBuiltin(FD);
    F.CompilerGenerated = FD->isImplicit() || FD->isDefaulted();
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
      F.IsPureVirtual = MD->isPureVirtual();
      for (const CXXMethodDecl *O : MD->overridden_methods()) {
        F.Overrides.push_back(usrOf(O));
        entryFor(O); // so that the link step knows the overridden method's name
      }
    }
    readAnnotations(FD, F);
    // Assigned only now: the recursion above may have added entries.
    size_t I = Out.Functions.size();
    Index[FD] = I;
    Out.Functions.push_back(std::move(F));
    return I;
  }

  /// Summary index of a synthetic runtime function (e.g. __cxa_throw) that no declaration names.
  size_t runtimeEntry(StringRef Name) {
    auto [It, Inserted] = RuntimeIndex.try_emplace(Name, Out.Functions.size());
    if (Inserted) {
      Function F;
      F.USR = ("rtcheck:runtime:" + Name).str();
      F.Name = Name.str();
      F.InSystemHeader = true;
      Out.Functions.push_back(std::move(F));
    }
    return It->second;
  }

  std::string usrOf(const Decl *D) {
    SmallString<128> Buf;
    if (!index::generateUSRForDecl(D, Buf))
      return std::string(Buf);
    // No USR (rare: some implicit declarations). Fall back to a name and a place.
    SourceLoc L = loc(D->getLocation());
    std::string Name = isa<NamedDecl>(D) ? cast<NamedDecl>(D)->getQualifiedNameAsString() : "?";
    return "rtcheck:" + Name + "@" + L.File + ":" + std::to_string(L.Line);
  }

  std::string nameOf(const FunctionDecl *FD) {
    // libstdc++ reaches pthreads through weak references (__gthrw_pthread_mutex_lock): name the
    // real function so that rules apply.
    for (const FunctionDecl *R : FD->redecls())
      if (const auto *W = R->getAttr<WeakRefAttr>(); W && !W->getAliasee().empty())
        return W->getAliasee().str();
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda()) {
      PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(MD->getParent()->getLocation()));
      if (P.isValid())
        return (Twine("lambda at ") + sys::path::filename(P.getFilename()) + ":" +
                Twine(P.getLine()) + ":" + Twine(P.getColumn()))
            .str();
      return "lambda";
    }
    return FD->getQualifiedNameAsString();
  }

  /// A builtin that expands inline (no library call): safe by construction.
  bool isPureBuiltin(const FunctionDecl *FD) {
    unsigned ID = FD->getBuiltinID();
    if (!ID)
      return false;
    if (ID == Builtin::BI__builtin_operator_new || ID == Builtin::BI__builtin_operator_delete)
      return false;
    // std::move, std::forward, std::addressof...: Clang folds them like casts.
    return !Ctx.BuiltinInfo.isPredefinedLibFunction(ID) || Ctx.BuiltinInfo.isInStdNamespace(ID);
  }

  void readAnnotations(const FunctionDecl *FD, Function &F) {
    for (const FunctionDecl *R : FD->redecls())
      for (const auto *A : R->specific_attrs<AnnotateAttr>()) {
        StringRef Text = A->getAnnotation();
        if (Text.consume_front(RealtimeAnnotation)) {
          F.RootContext = Text.trim().str();
          F.RootOrigin = "annotation";
        } else if (Text.consume_front(TrustedAnnotation)) {
          F.Trusted = true;
          F.TrustedReason = Text.str();
        }
      }
    for (const FunctionDecl *R : FD->redecls())
      if (const auto *S = R->getAttr<SectionAttr>())
        F.Section = S->getName().str();
    if (F.RootContext.empty())
      for (const FunctionEffectWithCondition &E : FD->getFunctionEffects())
        if (E.Effect.kind() == FunctionEffect::Kind::NonBlocking) {
          F.RootContext = "audio";
          F.RootOrigin = "attribute";
        }
  }

  bool isSystem(SourceLocation L) {
    return L.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(L));
  }

  SourceLoc loc(SourceLocation L) {
    if (L.isInvalid())
      return {};
    L = SM.getExpansionLoc(L);
    FileID FID = SM.getFileID(L);
    auto [It, Inserted] = FileNames.try_emplace(FID);
    if (Inserted) {
      if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID)) {
        SmallString<256> Path(FE->getName());
        SM.getFileManager().makeAbsolutePath(Path);
        sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
        It->second = std::string(Path);
        if (!SM.isInSystemHeader(L))
          UserFiles.insert(FID);
      }
    }
    return {It->second, SM.getExpansionLineNumber(L), SM.getExpansionColumnNumber(L)};
  }

  std::string typeKey(QualType T, const CXXRecordDecl *Class) {
    T = Ctx.getCanonicalType(T);
    if (const auto *FPT = T->getAs<FunctionProtoType>()) {
      // A pointer to a non-throwing function may point to a throwing one's type and vice versa;
      // a lambda's `const` call operator converts to a plain function pointer.
      FunctionProtoType::ExtProtoInfo EPI = FPT->getExtProtoInfo();
      EPI.ExceptionSpec = FunctionProtoType::ExceptionSpecInfo();
      if (!Class) {
        EPI.TypeQuals = Qualifiers();
        EPI.RefQualifier = RQ_None;
      }
      T = Ctx.getCanonicalType(Ctx.getFunctionType(FPT->getReturnType(), FPT->getParamTypes(), EPI));
    }
    std::string Key = T.getAsString();
    if (Class)
      Key = QualType(Ctx.getCanonicalTagType(Class)).getAsString() + "::* " + Key;
    return Key;
  }

  std::string typeKeyOf(const FunctionDecl *FD) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    return typeKey(FD->getType(), MD && MD->isInstance() ? MD->getParent() : nullptr);
  }

  DenseMap<const FunctionDecl *, size_t> Index;
  StringMap<size_t> RuntimeIndex;
  DenseMap<FileID, std::string> FileNames;
  DenseSet<FileID> UserFiles;
};

const FunctionDecl *functionNamedBy(const Expr *E);

/// Every function an expression may name: a conditional names both of its branches.
SmallVector<const FunctionDecl *, 2> functionsNamedBy(const Expr *E) {
  SmallVector<const FunctionDecl *, 2> Out;
  if (const auto *C = dyn_cast<AbstractConditionalOperator>(E ? E->IgnoreParenCasts() : nullptr)) {
    llvm::append_range(Out, functionsNamedBy(C->getTrueExpr()));
    llvm::append_range(Out, functionsNamedBy(C->getFalseExpr()));
  } else if (const FunctionDecl *FD = functionNamedBy(E)) {
    Out.push_back(FD);
  }
  return Out;
}

/// The function (or lambda call operator) an argument expression names, if any.
const FunctionDecl *functionNamedBy(const Expr *E) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    // Explicit casts too: C callbacks are often registered as `(callback_t *)&fn`.
    E = E->IgnoreParenCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf) {
      E = U->getSubExpr();
      continue;
    }
    // `(register_name(fn), fn)`, as GStreamer's GST_DEBUG_FUNCPTR expands.
    if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->getOpcode() == BO_Comma) {
      E = BO->getRHS();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
        return FD;
      // A variable holding a lambda or a function pointer: what it was initialised with.
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD || !VD->getInit() || isa<ParmVarDecl>(VD))
        return nullptr;
      E = VD->getInit();
      continue;
    }
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      return L->getCallOperator();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
      continue;
    }
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
      continue;
    }
    // A lambda converted to a function pointer: `+[](...) {...}` or an implicit conversion.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
        MC && isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl())) {
      E = MC->getImplicitObjectArgument();
      continue;
    }
    // std::function or a similar wrapper constructed from a callable.
    if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() >= 1) {
      E = C->getArg(0);
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// Pass 1: collects definitions, address-taken functions and function-valued field stores.
class DefinitionCollector : public DynamicRecursiveASTVisitor {
public:
  explicit DefinitionCollector(SummaryBuilder &B) : B(B) {
    ShouldVisitTemplateInstantiations = true;
    ShouldVisitImplicitCode = true;
  }

  SetVector<const FunctionDecl *> Definitions;

  bool VisitFunctionDecl(FunctionDecl *FD) override {
    consider(FD);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *L) override {
    CXXMethodDecl *Op = L->getCallOperator();
    consider(Op);
    if (FunctionTemplateDecl *T = Op->getDescribedFunctionTemplate())
      for (FunctionDecl *Spec : T->specializations())
        consider(Spec);
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) override {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      CalleeRefs.insert(DRE);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) override {
    const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
    if (!FD || CalleeRefs.contains(DRE) || FD->isDependentContext() || FD->getBuiltinID())
      return true;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda())
      return true;
    noteAddressTaken(FD);
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) override {
    // A lambda converted to a function pointer can be called through that pointer.
    if (isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
      if (const auto *L =
              dyn_cast<LambdaExpr>(MC->getImplicitObjectArgument()->IgnoreParenImpCasts()))
        noteAddressTaken(L->getCallOperator(), /*AsFreeFunction=*/true);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) override {
    if (BO->getOpcode() != BO_Assign)
      return true;
    if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        noteFieldStore(Field, BO->getRHS());
    return true;
  }

  bool VisitInitListExpr(InitListExpr *IL) override {
    const RecordDecl *RD = IL->getType()->getAsRecordDecl();
    if (!RD || RD->isUnion())
      return true;
    unsigned I = 0;
    for (const FieldDecl *Field : RD->fields()) {
      if (I >= IL->getNumInits())
        break;
      noteFieldStore(Field, IL->getInit(I++));
    }
    return true;
  }

private:
  void consider(const FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext() || !FD->getBody())
      return;
    if (FD->isInvalidDecl())
      return;
    // Unused inline definitions in library headers cannot be reached; skip them to keep the
    // summary small.
    if (B.isSystem(FD->getLocation()) && !FD->isUsed(false) && !FD->isReferenced())
      return;
    Definitions.insert(FD);
  }

  void noteAddressTaken(const FunctionDecl *FD, bool AsFreeFunction = false) {
    size_t I = B.entryFor(FD);
    std::string Key = AsFreeFunction ? B.typeKey(FD->getType(), nullptr) : B.typeKeyOf(FD);
    if (!Seen.insert({I, Key}).second)
      return;
    B.Out.Functions[I].TypeKey = Key;
    B.Out.AddressTakenFunctions.push_back({B.Out.Functions[I].USR, Key});
  }

  void noteFieldStore(const FieldDecl *Field, const Expr *Value) {
    // Tables of handlers are often `void *` (Zephyr's _isr_list::func).
    QualType T = Field->getType();
    if (!Value || !(T->isFunctionPointerType() || T->isVoidPointerType()))
      return;
    for (const FunctionDecl *FD : functionsNamedBy(Value))
      B.Out.FieldStores.push_back({Field->getQualifiedNameAsString(), B.usrOf(FD)});
  }

  SummaryBuilder &B;
  DenseSet<const DeclRefExpr *> CalleeRefs;
  std::set<std::pair<size_t, std::string>> Seen;
};

/// Pass 2: the call sites of one body.
class BodyWalker : public DynamicRecursiveASTVisitor {
public:
  BodyWalker(SummaryBuilder &B, const FunctionDecl *FD)
      : B(B), Ctx(B.Ctx), FD(FD), Generated(FD->isImplicit() || FD->isDefaulted()) {
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
    TraverseStmt(FD->getBody());
    if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(FD))
      addMemberAndBaseDestructors(Dtor);
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
      if (B.isPureBuiltin(Callee))
        return true;
    }
    // A trivial function (e.g. the destructor of a trivially destructible type that a container
    // calls explicitly) does nothing and has no body to follow.
    if (Callee->isTrivial())
      return true;
    CallKind Kind = CallKind::Direct;
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
      if (!Qualified && !(Base && MD->getDevirtualizedMethod(Base, false)))
        Kind = CallKind::Virtual;
    }
    CallSite &Site = add(B.entryFor(Callee), Kind, CE->getExprLoc());
    if (SourceLocation L = CE->getCallee()->getBeginLoc(); L.isMacroID())
      Site.Spelled = Lexer::getImmediateMacroName(L, B.SM, Ctx.getLangOpts()).str();
    recordArguments(CE, Callee, Site);
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
        bool Virtual = Dtor->isVirtual() && !RD->hasAttr<FinalAttr>() && !Dtor->hasAttr<FinalAttr>();
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
    if (Elided.contains(E))
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
        (!VD->hasConstantInitialization() ||
         VD->needsDestruction(Ctx) != QualType::DK_none))
      add(B.runtimeEntry("__cxa_guard_acquire"), CallKind::Direct, VD->getLocation(),
          ("guarded initialisation of static '" + VD->getName() + "'").str());
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
    add(B.runtimeEntry(libatomicName(E)), CallKind::Direct, E->getBeginLoc(),
        "'" + T.getAsString() + "' is not lock-free");
    return true;
  }

private:
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

  static StringRef libatomicName(const AtomicExpr *E) {
    switch (E->getOp()) {
    case AtomicExpr::AO__atomic_load:
    case AtomicExpr::AO__atomic_load_n:
    case AtomicExpr::AO__c11_atomic_load:
      return "__atomic_load";
    case AtomicExpr::AO__atomic_store:
    case AtomicExpr::AO__atomic_store_n:
    case AtomicExpr::AO__c11_atomic_store:
      return "__atomic_store";
    case AtomicExpr::AO__atomic_exchange:
    case AtomicExpr::AO__atomic_exchange_n:
    case AtomicExpr::AO__c11_atomic_exchange:
      return "__atomic_exchange";
    default:
      return E->isCmpXChg() ? "__atomic_compare_exchange" : "__atomic_fetch_add";
    }
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
    add(std::move(Key), CallKind::Indirect, CE->getExprLoc());
  }

  static bool isAllZero(const APValue &V) {
    switch (V.getKind()) {
    case APValue::Int:
      return V.getInt().isZero();
    case APValue::Struct:
      for (unsigned I = 0; I < V.getStructNumBases(); ++I)
        if (!isAllZero(V.getStructBase(I)))
          return false;
      for (unsigned I = 0; I < V.getStructNumFields(); ++I)
        if (!isAllZero(V.getStructField(I)))
          return false;
      return true;
    default:
      return false;
    }
  }

  void recordArguments(const CallExpr *CE, const FunctionDecl *Callee, CallSite &Site) {
    ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
    if (isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(Callee) && !Args.empty())
      Args = Args.drop_front(); // argument 0 is the object
    recordArguments(Args, Callee, Site);
  }

  void recordArguments(ArrayRef<const Expr *> Args, const FunctionDecl *Callee, CallSite &Site) {
    bool Library = !Callee->hasBody();
    for (unsigned I = 0; I < Args.size(); ++I) {
      const Expr *Arg = Args[I];
      if (Arg->isValueDependent() || Arg->isTypeDependent())
        continue;
      if (auto Fns = functionsNamedBy(Arg); !Fns.empty()) {
        for (const FunctionDecl *Fn : Fns)
          Site.FunctionArgs.emplace_back(I, B.usrOf(Fn));
        continue;
      }
      // Constant arguments matter only for rules, which describe library functions.
      if (!Library)
        continue;
      Expr::EvalResult R;
      if (Arg->getType()->isIntegralOrEnumerationType()) {
        if (Arg->EvaluateAsInt(R, Ctx) && R.Val.isInt())
          Site.ConstArgs.emplace_back(I, R.Val.getInt().getExtValue());
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
    Calls.push_back(std::move(C));
    return Calls.back();
  }

  SummaryBuilder &B;
  ASTContext &Ctx;
  const FunctionDecl *FD;
  const bool Generated;
  bool UserWritten = false;
  SourceLocation Override;
  DenseSet<const CXXBindTemporaryExpr *> Elided;
};

/// `// rtcheck-allow(alloc,lock): reason` comments of one file.
void scanSuppressions(StringRef Path, StringRef Text, std::vector<Suppression> &Out) {
  unsigned LineNo = 0;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    ++LineNo;
    size_t At = Line.find("rtcheck-allow(");
    if (At == StringRef::npos)
      continue;
    size_t Comment = Line.take_front(At).rfind("//");
    if (Comment == StringRef::npos)
      continue;
    StringRef Args = Line.substr(At + strlen("rtcheck-allow("));
    size_t Close = Args.find(')');
    if (Close == StringRef::npos)
      continue;
    Suppression S;
    S.File = Path.str();
    SmallVector<StringRef, 4> Cats;
    Args.take_front(Close).split(Cats, ',', -1, false);
    for (StringRef C : Cats)
      S.Categories.push_back(C.trim().str());
    StringRef Reason = Args.drop_front(Close + 1).ltrim();
    if (Reason.consume_front(":"))
      S.Reason = Reason.trim().str();
    // Alone on its line, the comment covers the next line.
    S.Line = Line.take_front(Comment).trim().empty() ? LineNo + 1 : LineNo;
    Out.push_back(std::move(S));
  }
}

class ExtractConsumer : public ASTConsumer {
public:
  explicit ExtractConsumer(Summary &Out) : Out(Out) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    SummaryBuilder B(Ctx, Out);
    DefinitionCollector Collector(B);
    Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
    for (const FunctionDecl *FD : Collector.Definitions) {
      size_t I = B.entryFor(FD);
      // Record the definition's own location, not the first declaration's.
      B.Out.Functions[I].Loc = B.loc(FD->getLocation());
      B.Out.Functions[I].InSystemHeader = B.isSystem(FD->getLocation());
      B.Out.Functions[I].HasBody = true;
      BodyWalker W(B, FD);
      W.run();
      B.Out.Functions[I].Calls = std::move(W.Calls);
    }
    SourceManager &SM = Ctx.getSourceManager();
    if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
      B.loc(SM.getLocForStartOfFile(SM.getMainFileID()));
    for (FileID FID : B.UserFiles) {
      bool Invalid = false;
      StringRef Text = SM.getBufferData(FID, &Invalid);
      if (!Invalid)
        scanSuppressions(B.FileNames[FID], Text, Out.Suppressions);
    }
    std::sort(Out.Suppressions.begin(), Out.Suppressions.end(),
              [](const Suppression &A, const Suppression &B) {
                return std::tie(A.File, A.Line) < std::tie(B.File, B.Line);
              });
  }

private:
  Summary &Out;
};

class ExtractAction : public ASTFrontendAction {
public:
  explicit ExtractAction(Summary &Out) : Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, StringRef) override {
    return std::make_unique<ExtractConsumer>(Out);
  }

private:
  Summary &Out;
};

/// Keeps the first error of a TU for a one-line report; prints nothing.
class FirstErrorConsumer : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !First.empty())
      return;
    SmallString<256> Msg;
    Info.FormatDiagnostic(Msg);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      PresumedLoc P = Info.getSourceManager().getPresumedLoc(Info.getLocation());
      if (P.isValid()) {
        First = (Twine(P.getFilename()) + ":" + Twine(P.getLine()) + ":" + Twine(P.getColumn()) +
                 ": " + Msg)
                    .str();
        return;
      }
    }
    First = std::string(Msg);
  }
  std::string First;
};

TUResult extractOne(const tooling::CompileCommand &Cmd, const ExtractOptions &Options) {
  TUResult R;
  R.File = Cmd.Filename;
  auto Start = std::chrono::steady_clock::now();
  std::vector<std::string> Args = Cmd.CommandLine;
  Args = tooling::getClangStripOutputAdjuster()(Args, Cmd.Filename);
  Args = tooling::getClangStripDependencyFileAdjuster()(Args, Cmd.Filename);
  Args = tooling::getClangSyntaxOnlyAdjuster()(Args, Cmd.Filename);
  // Analysis only: warnings are irrelevant and -Werror must not turn them into parse failures.
  // -fno-caret-diagnostics also keeps Clang from printing "N errors generated."
  std::vector<std::string> Extra = {"-w", "-Wno-error", "-ferror-limit=20",
                                    "-fno-caret-diagnostics"};
  if (!Options.ResourceDir.empty())
    Extra.push_back("-resource-dir=" + Options.ResourceDir);
  Extra.insert(Extra.end(), Options.ExtraArgs.begin(), Options.ExtraArgs.end());
  Args = tooling::getInsertArgumentAdjuster(Extra, tooling::ArgumentInsertPosition::END)(
      Args, Cmd.Filename);

  IntrusiveRefCntPtr<vfs::FileSystem> FS = vfs::createPhysicalFileSystem();
  FS->setCurrentWorkingDirectory(Cmd.Directory);
  auto Files = makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);

  Summary S;
  SmallString<256> Main(Cmd.Filename);
  if (!sys::path::is_absolute(Main))
    sys::path::make_absolute(Cmd.Directory, Main);
  sys::path::remove_dots(Main, true);
  S.MainFile = std::string(Main);
  R.File = S.MainFile;

  FirstErrorConsumer Diags;
  tooling::ToolInvocation Invocation(Args, std::make_unique<ExtractAction>(S), Files.get());
  Invocation.setDiagnosticConsumer(&Diags);
  bool Ok = false;
  // A fault while parsing one TU (a compiler bug, an exotic construct) fails that TU only.
  CrashRecoveryContext Recovery;
  if (!Recovery.RunSafely([&] { Ok = Invocation.run(); })) {
    R.Error = "the analyzer crashed while processing this file (please report it with the "
              "file's compile command)";
    return R;
  }
  R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  if (!Ok || Diags.getNumErrors()) {
    R.Error = Diags.First.empty() ? "the compiler could not process this file"
                                  : "does not parse: " + Diags.First;
    if (Diags.getNumErrors() > 1)
      R.Error += " (" + std::to_string(Diags.getNumErrors()) + " errors)";
    return R;
  }
  R.Result = std::move(S);
  return R;
}

} // namespace

std::vector<TUResult> extractSummaries(ArrayRef<tooling::CompileCommand> Commands,
                                       const ExtractOptions &Options) {
  CrashRecoveryContext::Enable();
  std::vector<TUResult> Results(Commands.size());
  unsigned Jobs = Options.Jobs ? Options.Jobs : hardware_concurrency().compute_thread_count();
  if (Jobs <= 1 || Commands.size() <= 1) {
    for (size_t I = 0; I < Commands.size(); ++I)
      Results[I] = extractOne(Commands[I], Options);
    return Results;
  }
  DefaultThreadPool Pool(hardware_concurrency(Jobs));
  for (size_t I = 0; I < Commands.size(); ++I)
    Pool.async([&, I] { Results[I] = extractOne(Commands[I], Options); });
  Pool.wait();
  return Results;
}

} // namespace rtcheck
