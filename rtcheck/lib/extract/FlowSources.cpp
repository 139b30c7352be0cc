//===- FlowSources.cpp - what an expression's function value comes from ---===//
#include "FlowSources.h"
#include "SymbolLoaders.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {

bool isFunctionLike(QualType T) {
  if (T.isNull())
    return false;
  if (const auto *R = T->getAs<ReferenceType>())
    T = R->getPointeeType();
  return T->isFunctionType() || T->isFunctionPointerType() || T->isMemberFunctionPointerType();
}

bool isFunctionObject(QualType T) {
  if (T.isNull())
    return false;
  if (const auto *R = T->getAs<ReferenceType>())
    T = R->getPointeeType();
  const auto *S = dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  return S && S->getName() == "function" && S->isInStdNamespace();
}

bool isFunctionTable(QualType T, ASTContext &Ctx) {
  return !T.isNull() && T->isArrayType() && isSlotType(Ctx.getBaseElementType(T));
}

bool isSlotKey(StringRef K) {
  return K.size() > 2 && K[1] == ':' && StringRef("FPVRS").contains(K[0]);
}

std::string FlowSources::slotOf(const Expr *E) {
  E = E->IgnoreParenNoopCasts(B.Ctx);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl())) {
      const auto *Owner = dyn_cast<FunctionDecl>(PVD->getDeclContext());
      if (!Owner)
        return {};
      return "P:" + B.usrOf(Owner->getCanonicalDecl()) + "#" +
             std::to_string(PVD->getFunctionScopeIndex());
    }
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      std::string Key = "V:" + B.usrOf(VD->getCanonicalDecl());
      // A library's variable may hold whatever the library put there.
      if (B.isSystem(VD->getCanonicalDecl()->getLocation()))
        emit(OpenPool, Key);
      return Key;
    }
    return {};
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    // Union members alias each other: their storage is not tracked.
    if (!Field || Field->getParent()->isUnion())
      return {};
    std::string Key = "F:" + Field->getQualifiedNameAsString();
    if (B.isSystem(Field->getParent()->getLocation()))
      emit(OpenPool, Key);
    return Key;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = AS->getBase()->IgnoreParenImpCasts();
    if (Base->getType()->isArrayType())
      return slotOf(Base);
  }
  return {};
}

void FlowSources::sources(const Expr *E, SmallVectorImpl<std::string> &Out, unsigned Depth) {
  if (!E || Depth > 16) {
    Out.push_back(AnyPool.str());
    return;
  }
  E = E->IgnoreParens();
  if (const auto *S = dyn_cast<SubstNonTypeTemplateParmExpr>(E))
    return sources(S->getReplacement(), Out, Depth + 1);
  if (const auto *FE = dyn_cast<FullExpr>(E))
    return sources(FE->getSubExpr(), Out, Depth + 1);
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return sources(M->getSubExpr(), Out, Depth + 1);
  // Null and zero initialisers (`{0}`, members left out of a designated initialiser).
  if (isa<GNUNullExpr, CXXNullPtrLiteralExpr, IntegerLiteral, ImplicitValueInitExpr,
          CXXScalarValueInitExpr, NoInitExpr>(E))
    return;
  if (const auto *D = dyn_cast<CXXDefaultInitExpr>(E))
    return sources(D->getExpr(), Out, Depth + 1);
  if (const auto *D = dyn_cast<CXXDefaultArgExpr>(E))
    return sources(D->getExpr(), Out, Depth + 1);
  if (const auto *O = dyn_cast<OpaqueValueExpr>(E); O && O->getSourceExpr())
    return sources(O->getSourceExpr(), Out, Depth + 1);
  if (isFunctionObject(E->getType()) && !isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr>(E))
    return objectSources(E, Out, Depth + 1);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl())) {
      Accounted.insert(DRE);
      B.entryFor(FD);
      Out.push_back("f:" + B.usrOf(FD->getCanonicalDecl()));
      return;
    }
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (const auto *FD = dyn_cast<FunctionDecl>(ME->getMemberDecl())) {
      B.entryFor(FD);
      Out.push_back("f:" + B.usrOf(FD->getCanonicalDecl()));
      return;
    }
  if (isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr>(E)) {
    std::string Slot = slotOf(E);
    // A subscript of a pointer reads storage whose address was taken: escaped values only.
    Out.push_back(!Slot.empty()                ? Slot
                  : isa<ArraySubscriptExpr>(E) ? OpenPool.str()
                                               : AnyPool.str());
    return;
  }
  if (const auto *C = dyn_cast<CastExpr>(E)) {
    const Expr *Sub = C->getSubExpr();
    if (C->getCastKind() == CK_NullToPointer || C->getCastKind() == CK_NullToMemberPointer)
      return;
    if (isFunctionLike(Sub->getType()))
      return sources(Sub, Out, Depth + 1);
    if (std::string Name = symbolLoadedBy(Sub); !Name.empty()) {
      Out.push_back("n:" + Name);
      return;
    }
    // Read from a location that is not a function pointer: only escaped functions get there.
    Out.push_back(OpenPool.str());
    return;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref) {
      if (isFunctionLike(U->getSubExpr()->getType()))
        return sources(U->getSubExpr(), Out, Depth + 1);
      // `*pp`: storage whose address was taken, which escaped its values.
      Out.push_back(OpenPool.str());
      return;
    }
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    sources(CO->getTrueExpr(), Out, Depth + 1);
    sources(CO->getFalseExpr(), Out, Depth + 1);
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Comma || BO->getOpcode() == BO_Assign)
      return sources(BO->getRHS(), Out, Depth + 1);
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl())) {
    // A lambda converted to a function pointer is its call operator.
    if (const auto *L = dyn_cast<LambdaExpr>(MC->getImplicitObjectArgument()->IgnoreImplicit())) {
      Out.push_back("f:" + B.usrOf(L->getCallOperator()));
      return;
    }
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (std::string Name = symbolLoadedBy(CE); !Name.empty()) {
      Out.push_back("n:" + Name);
      return;
    }
    const auto *Callee = dyn_cast_or_null<FunctionDecl>(CE->getCalleeDecl());
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee);
    if (Callee && !(MD && MD->isVirtual())) {
      Out.push_back("R:" + B.usrOf(Callee->getCanonicalDecl()));
      return;
    }
  }
  if (const auto *IL = dyn_cast<InitListExpr>(E); IL && IL->getNumInits() == 1)
    return sources(IL->getInit(0), Out, Depth + 1);
  Out.push_back(AnyPool.str());
}

/// `std::move(x)` and `std::forward<T>(x)`: x itself.
static const Expr *movedFrom(const CallExpr *CE) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(CE->getCalleeDecl());
  if (!FD || CE->getNumArgs() != 1 || !FD->isInStdNamespace() || !FD->getIdentifier())
    return nullptr;
  StringRef Name = FD->getName();
  return Name == "move" || Name == "forward" ? CE->getArg(0) : nullptr;
}

void FlowSources::objectSources(const Expr *E, SmallVectorImpl<std::string> &Out,
                                unsigned Depth) {
  if (Depth > 16) {
    Out.push_back(AnyPool.str());
    return;
  }
  E = E->IgnoreParens();
  if (const auto *FE = dyn_cast<FullExpr>(E))
    return objectSources(FE->getSubExpr(), Out, Depth + 1);
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return objectSources(M->getSubExpr(), Out, Depth + 1);
  if (const auto *T = dyn_cast<CXXBindTemporaryExpr>(E))
    return objectSources(T->getSubExpr(), Out, Depth + 1);
  if (const auto *C = dyn_cast<CastExpr>(E))
    return objectSources(C->getSubExpr(), Out, Depth + 1);
  if (const auto *D = dyn_cast<CXXDefaultArgExpr>(E))
    return objectSources(D->getExpr(), Out, Depth + 1);
  if (const auto *D = dyn_cast<CXXDefaultInitExpr>(E))
    return objectSources(D->getExpr(), Out, Depth + 1);
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr, ImplicitValueInitExpr, CXXScalarValueInitExpr>(E))
    return;
  if (!isFunctionObject(E->getType()))
    return callableSources(E, Out, Depth + 1);
  if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
    if (C->getNumArgs() == 0)
      return; // empty
    return objectSources(C->getArg(0), Out, Depth + 1);
  }
  if (const auto *CE = dyn_cast<CallExpr>(E))
    if (const Expr *From = movedFrom(CE))
      return objectSources(From, Out, Depth + 1);
  if (isa<CXXOperatorCallExpr>(E)) { // `v[i]` of a container, an assignment's result
    Out.push_back(AnyPool.str());
    return;
  }
  // A variable, field, parameter, call result or conditional: read as any slot is.
  sources(E, Out, Depth + 1);
}

void FlowSources::callableSources(const Expr *E, SmallVectorImpl<std::string> &Out,
                                  unsigned Depth) {
  E = E->IgnoreParenImpCasts();
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return callableSources(M->getSubExpr(), Out, Depth + 1);
  if (const auto *T = dyn_cast<CXXBindTemporaryExpr>(E))
    return callableSources(T->getSubExpr(), Out, Depth + 1);
  if (const auto *CE = dyn_cast<CallExpr>(E))
    if (const Expr *From = movedFrom(CE))
      return callableSources(From, Out, Depth + 1);
  if (isFunctionLike(E->getType())) {
    // A function pointer kept in a std::function is called by the library's invoker through
    // storage the flow does not track: it escapes as well as being held.
    size_t First = Out.size();
    sources(E, Out, Depth + 1);
    for (size_t I = First; I < Out.size(); ++I)
      if (Out[I][0] != '*')
        emit(Out[I], EscapeSink);
    return;
  }
  // A function object: the std::function calls its one call operator. A generic lambda, an
  // overloaded or inherited operator() or a std::bind result is not modelled.
  const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl();
  const CXXMethodDecl *Call = nullptr;
  unsigned Count = 0;
  if (RD && RD->hasDefinition())
    for (const CXXMethodDecl *MD : RD->methods())
      if (MD->getOverloadedOperator() == OO_Call && ++Count == 1)
        Call = MD;
  bool Template = RD && RD->hasDefinition() &&
                  any_of(RD->decls(), [](const Decl *D) {
                    const auto *FT = dyn_cast<FunctionTemplateDecl>(D);
                    return FT && FT->getTemplatedDecl()->getOverloadedOperator() == OO_Call;
                  });
  if (Count != 1 || Template || Call->isDependentContext()) {
    Out.push_back(AnyPool.str());
    return;
  }
  B.entryFor(Call);
  Out.push_back("f:" + B.usrOf(Call->getCanonicalDecl()));
}

void FlowSources::valueSources(const Expr *E, QualType SinkType,
                               SmallVectorImpl<std::string> &Out) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return;
  if (isFunctionObject(SinkType))
    return objectSources(E, Out, 0);
  if (isFunctionLike(SinkType))
    return sources(E, Out);
  for (int Depth = 0; Depth < 8; ++Depth) {
    E = E->IgnoreParens();
    const auto *C = dyn_cast<CastExpr>(E);
    if (!C || isFunctionLike(E->getType()))
      break;
    E = C->getSubExpr();
  }
  if (isFunctionLike(E->getType()))
    sources(E, Out);
}

void FlowSources::store(StringRef Sink, const Expr *E, QualType SinkType) {
  SmallVector<std::string, 2> Src;
  valueSources(E, SinkType, Src);
  bool Tracked = !Sink.empty() && Sink != EscapeSink && isSlotType(SinkType);
  for (const std::string &S : Src) {
    if (Tracked)
      emit(S, Sink);
    else if (S[0] != '*')
      emit(S, EscapeSink);
  }
}

void FlowSources::exposeSlot(StringRef Slot) {
  emit(Slot, EscapeSink);
  emit(OpenPool, Slot);
}

void FlowSources::exposeObject(const Expr *E) {
  if (!E || E->isTypeDependent() || !isFunctionObject(E->getType()))
    return;
  E = E->IgnoreParenImpCasts();
  if (const auto *CE = dyn_cast<CallExpr>(E))
    if (const Expr *From = movedFrom(CE))
      return exposeObject(From);
  if (std::string Slot = slotOf(E); !Slot.empty())
    exposeSlot(Slot);
}

void FlowSources::emit(StringRef From, StringRef To) {
  FlowEdge E{From.str(), To.str()};
  if (Context)
    Context->apply(E);
  auto [It, Inserted] = Emitted.try_emplace({E.From, E.To}, B.Out.Flows.size());
  if (Inserted)
    B.Out.Flows.push_back(std::move(E));
  else
    mergeFlowContext(B.Out.Flows[It->second], E);
}

} // namespace rtcheck
