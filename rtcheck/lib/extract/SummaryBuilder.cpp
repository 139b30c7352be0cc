//===- SummaryBuilder.cpp - from Clang declarations to summary entries ----===//
#include "SummaryBuilder.h"

#include "EndingPaths.h"
#include "FlowContext.h"
#include "MemberStores.h"
#include "MembersLeftSet.h"
#include "ValueWrites.h"
#include "ReturnValues.h"

#include "rtcheck/Suppressions.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

constexpr StringRef RealtimeAnnotation = "rtcheck.realtime:";
constexpr StringRef TrustedAnnotation = "rtcheck.trusted:";

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

} // namespace

/// Every function an expression may name: a conditional names both of its branches.
bool isAllZero(const APValue &V) {
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

std::string objectNamedBy(SummaryBuilder &B, const Expr *Arg) {
  const Expr *E = Arg->IgnoreParenCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf)
    E = U->getSubExpr()->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E); DRE && isa<VarDecl>(DRE->getDecl()))
    return B.usrOf(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(E); ME && isa<FieldDecl>(ME->getMemberDecl()))
    return B.usrOf(ME->getMemberDecl());
  return {};
}

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

size_t SummaryBuilder::entryFor(const FunctionDecl *FD) {
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
    if (MD->isVirtual())
      F.Class = noteClass(MD->getParent());
    if (isa<CXXConstructorDecl>(MD) && MD->getParent()->hasDefinition() &&
        MD->getParent()->isPolymorphic())
      F.Constructs = noteClass(MD->getParent());
    else if (MD->isInstance() && MD->getParent()->hasDefinition() &&
             MD->getParent()->isPolymorphic())
      F.ThisClass = noteClass(MD->getParent());
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

std::string SummaryBuilder::noteClass(const CXXRecordDecl *RD) {
  if (const CXXRecordDecl *Def = RD->getDefinition())
    RD = Def;
  auto [It, Inserted] = ClassUSRs.try_emplace(RD);
  if (!Inserted)
    return It->second;
  std::string USR = usrOf(RD);
  It->second = USR;
  ClassInfo C;
  C.USR = USR;
  C.LibraryClass = isSystem(RD->getLocation());
  if (RD->hasDefinition()) {
    for (const CXXBaseSpecifier &Base : RD->bases())
      if (const CXXRecordDecl *BD = Base.getType()->getAsCXXRecordDecl())
        C.Bases.push_back(noteClass(BD));
    // A constructor defined elsewhere may be called by code elsewhere.
    for (const CXXConstructorDecl *Ctor : RD->ctors())
      if (!Ctor->isImplicit() && !Ctor->isDefaulted() && !Ctor->isDeleted() && !Ctor->hasBody())
        C.CtorsWithoutBody.push_back(usrOf(Ctor));
  }
  Out.Classes.push_back(std::move(C));
  return USR;
}

size_t SummaryBuilder::runtimeEntry(StringRef Name) {
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

StringRef SummaryBuilder::libatomicName(const AtomicExpr *E) {
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

static void placeUnnamedIn(const SourceManager &SM, QualType T, std::string &Out, unsigned Depth);

/// Appends the place of every unnamed class RD is or lies in, and of those its enclosing template
/// specialisations are instantiated with.
static void placeUnnamedIn(const SourceManager &SM, const DeclContext *DC, std::string &Out,
                           unsigned Depth) {
  if (Depth > 4)
    return;
  for (; DC; DC = DC->getParent()) {
    const auto *RD = dyn_cast<CXXRecordDecl>(DC);
    if (!RD)
      continue;
    if (!RD->getIdentifier() && !RD->getTypedefNameForAnonDecl()) {
      SourceLocation L = RD->getLocation();
      Out += "@" + std::to_string(SM.getFileOffset(SM.getExpansionLoc(L))) + "." +
             std::to_string(SM.getFileOffset(SM.getSpellingLoc(L)));
    }
    if (const auto *S = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      for (const TemplateArgument &A : S->getTemplateArgs().asArray())
        if (A.getKind() == TemplateArgument::Type)
          placeUnnamedIn(SM, A.getAsType(), Out, Depth + 1);
  }
}

static void placeUnnamedIn(const SourceManager &SM, QualType T, std::string &Out, unsigned Depth) {
  if (T.isNull() || Depth > 4)
    return;
  T = T.getCanonicalType();
  while (!T->getPointeeOrArrayElementType()->isRecordType() &&
         (T->isPointerType() || T->isReferenceType() || T->isArrayType()))
    T = T->isArrayType() ? QualType(T->getArrayElementTypeNoTypeQual(), 0) : T->getPointeeType();
  if (const auto *FT = T->getAs<FunctionProtoType>()) {
    placeUnnamedIn(SM, FT->getReturnType(), Out, Depth + 1);
    for (QualType P : FT->param_types())
      placeUnnamedIn(SM, P, Out, Depth + 1);
    return;
  }
  if (const CXXRecordDecl *RD = T->getPointeeOrArrayElementType()->getAsCXXRecordDecl())
    placeUnnamedIn(SM, RD, Out, Depth + 1);
}

std::string SummaryBuilder::usrOf(const Decl *D) {
  SmallString<128> Buf;
  if (!index::generateUSRForDecl(D, Buf)) {
    // Clang's USR names an unnamed class outside a function (a lambda in a global's initialiser)
    // without its place, so every such lambda of a file with the same signature, and everything
    // named after one (`_Function_handler<..., lambda>::_M_invoke`), would share one USR and one
    // call-graph node: each unnamed class gets its place (offsets, stable across TUs) appended.
    StringRef U = Buf;
    if (!U.contains("@Sa") && !U.contains("@Ua"))
      return std::string(Buf);
    std::string Places;
    placeUnnamedIn(SM, isa<DeclContext>(D) ? cast<DeclContext>(D) : D->getDeclContext(), Places,
                   0);
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs())
        for (const TemplateArgument &A : Args->asArray())
          if (A.getKind() == TemplateArgument::Type)
            placeUnnamedIn(SM, A.getAsType(), Places, 1);
    return Places.empty() ? std::string(Buf) : (U + "@@" + Places).str();
  }
  // No USR (rare: some implicit declarations). Fall back to a name and a place.
  SourceLoc L = loc(D->getLocation());
  std::string Name = isa<NamedDecl>(D) ? cast<NamedDecl>(D)->getQualifiedNameAsString() : "?";
  return "rtcheck:" + Name + "@" + L.File + ":" + std::to_string(L.Line);
}

std::string SummaryBuilder::nameOf(const FunctionDecl *FD) {
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

bool SummaryBuilder::isPureBuiltin(const FunctionDecl *FD) {
  unsigned ID = FD->getBuiltinID();
  if (!ID)
    return false;
  if (ID == Builtin::BI__builtin_operator_new || ID == Builtin::BI__builtin_operator_delete)
    return false;
  // std::move, std::forward, std::addressof...: Clang folds them like casts.
  return !Ctx.BuiltinInfo.isPredefinedLibFunction(ID) || Ctx.BuiltinInfo.isInStdNamespace(ID);
}

void SummaryBuilder::readAnnotations(const FunctionDecl *FD, Function &F) {
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
  for (const FunctionEffectWithCondition &E : FD->getFunctionEffects()) {
    if (E.Effect.kind() == FunctionEffect::Kind::Blocking)
      F.DeclaredBlocking = true;
    if (E.Effect.kind() != FunctionEffect::Kind::NonBlocking)
      continue;
    F.DeclaredNonBlocking = true;
    // A nonblocking function names no context: the linker gives it the rules' default one.
    if (!F.isRoot())
      F.RootOrigin = "attribute";
  }
}

bool SummaryBuilder::isSystem(SourceLocation L) {
  return L.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(L));
}

SourceLoc SummaryBuilder::loc(SourceLocation L) {
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

std::string SummaryBuilder::typeKey(QualType T, const CXXRecordDecl *Class) {
  T = Ctx.getCanonicalType(T);
  if (const auto *FPT = T->getAs<FunctionProtoType>()) {
    // A pointer to a non-throwing function may point to a throwing one's type and vice versa;
    // a lambda's `const` call operator converts to a plain function pointer.
    FunctionProtoType::ExtProtoInfo EPI = FPT->getExtProtoInfo();
    EPI.ExceptionSpec = FunctionProtoType::ExceptionSpecInfo();
    // Likewise a pointer whose type carries `nonblocking` is called with plain functions.
    EPI.FunctionEffects = FunctionEffectsRef();
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

std::string SummaryBuilder::typeKeyOf(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  return typeKey(FD->getType(), MD && MD->isInstance() ? MD->getParent() : nullptr);
}

namespace {

std::string tooDeep(const SummaryBuilder &B) {
  std::string Where;
  PresumedLoc P = B.SM.getPresumedLoc(B.SM.getExpansionLoc(B.Nesting.where()));
  if (P.isValid())
    Where = (Twine(P.getFilename()) + ":" + Twine(P.getLine()) + ":" + Twine(P.getColumn()) + ": ")
                .str();
  return Where + "nested deeper than the analyzer follows (" + std::to_string(NestingGuard::MaxDepth) +
         " levels, or its stack); this file is not analysed";
}

} // namespace

std::string summarizeTranslationUnit(ASTContext &Ctx, Summary &Out) {
  SummaryBuilder B(Ctx, Out);
  SetVector<const FunctionDecl *> Definitions = collectDefinitions(B);
  if (B.Nesting.exceeded())
    return tooDeep(B);
  for (const FunctionDecl *FD : Definitions) {
    size_t I = B.entryFor(FD);
    // Record the definition's own location, not the first declaration's.
    Out.Functions[I].Loc = B.loc(FD->getLocation());
    Out.Functions[I].InSystemHeader = B.isSystem(FD->getLocation());
    Out.Functions[I].HasBody = true;
    Out.Functions[I].Inline = FD->isInlined();
    Out.Functions[I].Catches = containsTryBlock(FD->getBody());
    // Walking the body adds entries for its callees: index Out.Functions only afterwards.
    std::vector<CallSite> Calls = callSitesOf(B, FD);
    if (B.Nesting.exceeded())
      return tooDeep(B);
    Out.Functions[I].Calls = std::move(Calls);
    Out.Functions[I].LeavesNonNull = membersLeftNonNull(B, FD);
    Out.Functions[I].Returns = returnsOf(B, FD);
    Out.Functions[I].MemberStores = memberStoresOf(B, FD);
  }
  collectAddressFlows(B);
  collectValueWrites(B, Definitions);
  collectStaticInits(B);
  collectBeforeMainCalls(B);
  llvm::sort(Out.Flows, [](const FlowEdge &A, const FlowEdge &B) {
    return std::tie(A.From, A.To) < std::tie(B.From, B.To);
  });
  // An edge emitted twice (by the collector and by a call site's callee) keeps what holds for
  // both of its contexts (FlowContext.h).
  size_t Kept = 0;
  for (size_t I = 0; I < Out.Flows.size(); ++I) {
    if (Kept && Out.Flows[Kept - 1].From == Out.Flows[I].From &&
        Out.Flows[Kept - 1].To == Out.Flows[I].To) {
      mergeFlowContext(Out.Flows[Kept - 1], Out.Flows[I]);
      continue;
    }
    if (Kept != I)
      Out.Flows[Kept] = std::move(Out.Flows[I]);
    ++Kept;
  }
  Out.Flows.resize(Kept);
  // The main file is a user file even when no location was taken in it.
  SourceManager &SM = Ctx.getSourceManager();
  if (SM.getFileEntryRefForID(SM.getMainFileID()))
    B.loc(SM.getLocForStartOfFile(SM.getMainFileID()));
  for (FileID FID : B.UserFiles)
    if (std::optional<MemoryBufferRef> Buf = SM.getBufferOrNone(FID))
      scanSuppressions(MemoryBufferRef(Buf->getBuffer(), B.FileNames[FID]), Out.Suppressions);
  llvm::sort(Out.Suppressions, [](const Suppression &A, const Suppression &B) {
    return std::tie(A.File, A.Line) < std::tie(B.File, B.Line);
  });
  return {};
}

} // namespace rtcheck
