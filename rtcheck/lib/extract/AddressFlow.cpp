//===- AddressFlow.cpp - where function addresses go in one TU ------------===//
//
// Records the edges along which function addresses move (docs/formats.md "Address flow"): into
// which struct field (by record type), parameter, variable or return value a function or a
// function pointer read from another slot is stored, and which values escape to code the
// analysis cannot see. The link step (link/AddressFlow.cpp) closes these edges over the program
// and resolves each indirect call through the slot its callee is read from.
//
// Escapes, decided here: a function address or a function-pointer slot's value stored into a
// location that is not a function pointer (`void *`, an integer, a union), passed to a variadic
// argument or to a virtual or indirect call, stored through an untracked lvalue (`*pp = f`), or
// used in any other expression (a function reference no sink accounts for). Taking the address
// of a slot (`&s->cb`, an array of pointers decaying to a pointer) escapes its values and opens
// it to every escaped function. Arguments to functions without a body are escapes decided at link.
//
//===----------------------------------------------------------------------===//
#include "FlowContext.h"
#include "SummaryBuilder.h"
#include "SymbolLoaders.h"

#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ScopeExit.h"

#include <map>

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

constexpr StringRef Escape = "!";
constexpr StringRef OpenPool = "*open";
constexpr StringRef AnyPool = "*any";

/// A function pointer, a function, a reference to one, or a pointer to a member function.
bool isFunctionLike(QualType T) {
  if (T.isNull())
    return false;
  if (const auto *R = T->getAs<ReferenceType>())
    T = R->getPointeeType();
  return T->isFunctionType() || T->isFunctionPointerType() || T->isMemberFunctionPointerType();
}

/// An array (of arrays) of function pointers: a table whose elements share one slot.
bool isFunctionTable(QualType T, ASTContext &Ctx) {
  return !T.isNull() && T->isArrayType() && isFunctionLike(Ctx.getBaseElementType(T));
}

bool isSlotKey(StringRef K) {
  return K.size() > 2 && K[1] == ':' && StringRef("FPVRS").contains(K[0]);
}

/// Reads expressions as sets of sources: function values, slots and pools.
class FlowSources {
public:
  explicit FlowSources(SummaryBuilder &B) : B(B) {}

  /// Function references reached by sources(): the others escape.
  DenseSet<const DeclRefExpr *> Accounted;

  /// The slot an lvalue of function-pointer (or table) type designates; empty: untracked storage.
  std::string slotOf(const Expr *E) {
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

  /// Every source the value of E may come from.
  void sources(const Expr *E, SmallVectorImpl<std::string> &Out, unsigned Depth = 0) {
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

  /// Sources of a value stored into a sink of type T: function-like values only; a sink that is
  /// not a function pointer (`void *`, an integer) gets the value by a cast, seen through here.
  void valueSources(const Expr *E, QualType SinkType, SmallVectorImpl<std::string> &Out) {
    if (!E || E->isValueDependent() || E->isTypeDependent())
      return;
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

  /// Stores E into Sink (a slot, or `!`); a sink that is not a function pointer is an escape.
  void store(StringRef Sink, const Expr *E, QualType SinkType) {
    SmallVector<std::string, 2> Src;
    valueSources(E, SinkType, Src);
    bool Tracked = !Sink.empty() && Sink != Escape && isFunctionLike(SinkType);
    for (const std::string &S : Src) {
      if (Tracked)
        emit(S, Sink);
      else if (S[0] != '*')
        emit(S, Escape);
    }
  }

  /// The slot's values escape and it may hold any escaped function (its address was taken).
  void exposeSlot(StringRef Slot) {
    emit(Slot, Escape);
    emit(OpenPool, Slot);
  }

  void emit(StringRef From, StringRef To) {
    FlowEdge E{From.str(), To.str()};
    if (Context)
      Context->apply(E);
    auto [It, Inserted] = Emitted.try_emplace({E.From, E.To}, B.Out.Flows.size());
    if (Inserted)
      B.Out.Flows.push_back(std::move(E));
    else
      mergeFlowContext(B.Out.Flows[It->second], E);
  }

  /// Where the edges of the collector's walk get their context; none for single expressions.
  const FlowContext *Context = nullptr;

private:
  SummaryBuilder &B;
  std::map<std::pair<std::string, std::string>, size_t> Emitted;
};

/// The sinks of a TU: assignments, initialisers, arguments, returns; and escapes.
class FlowCollector : public DynamicRecursiveASTVisitor {
public:
  FlowCollector(SummaryBuilder &B, FlowSources &S) : B(B), S(S), Context(B) {
    ShouldVisitTemplateInstantiations = true;
    ShouldVisitImplicitCode = true;
    S.Context = &Context;
  }

  bool TraverseDecl(Decl *D) override {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (FD && FD->isDependentContext())
      return true;
    if (FD) {
      Functions.push_back(FD);
      Context.enterFunction(FD);
    }
    bool Result = DynamicRecursiveASTVisitor::TraverseDecl(D);
    if (FD) {
      Context.leaveFunction();
      Functions.pop_back();
    }
    return Result;
  }

  // FlowContext.h: the conditions that hold where each edge is emitted.
  bool dataTraverseStmtPre(Stmt *St) override {
    Context.enter(St);
    return true;
  }
  bool dataTraverseStmtPost(Stmt *St) override {
    Context.leave(St);
    return true;
  }

  bool TraverseLambdaExpr(LambdaExpr *L) override {
    Functions.push_back(L->getCallOperator());
    Context.enterFunction(L->getCallOperator());
    bool Result = DynamicRecursiveASTVisitor::TraverseLambdaExpr(L);
    Context.leaveFunction();
    Functions.pop_back();
    return Result;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) override {
    if (BO->isComparisonOp()) {
      SmallVector<std::string, 2> Ignored;
      S.valueSources(BO->getLHS(), BO->getLHS()->getType(), Ignored);
      S.valueSources(BO->getRHS(), BO->getRHS()->getType(), Ignored);
      return true;
    }
    if (BO->getOpcode() != BO_Assign || BO->isTypeDependent())
      return true;
    const Expr *LHS = BO->getLHS();
    std::string Slot = isFunctionLike(LHS->getType()) ? S.slotOf(LHS) : std::string();
    S.store(Slot.empty() ? Escape : StringRef(Slot), BO->getRHS(), LHS->getType());
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) override {
    if (isa<ParmVarDecl>(VD) || !VD->getInit() || VD->getType()->isDependentType())
      return true;
    std::string Key = "V:" + B.usrOf(VD->getCanonicalDecl());
    if (isFunctionTable(VD->getType(), B.Ctx))
      tableSlot(VD->getInit(), Key);
    else
      S.store(Key, VD->getInit(), VD->getType());
    return true;
  }

  bool VisitFieldDecl(FieldDecl *FD) override {
    if (const Expr *Init = FD->getInClassInitializer())
      storeField(FD, Init);
    return true;
  }

  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) override {
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (const FieldDecl *Member = Init->getMember(); Member && Init->isWritten())
        storeField(Member, Init->getInit());
    return true;
  }

  bool VisitInitListExpr(InitListExpr *IL) override {
    if (IL->getSemanticForm() || IL->isTypeDependent())
      return true; // the syntactic form of a list whose semantic form is visited too
    if (const RecordDecl *RD = IL->getType()->getAsRecordDecl()) {
      if (RD->isUnion()) {
        for (const Expr *Init : IL->inits())
          S.store(Escape, Init, Init->getType());
        return true;
      }
      // A C++ aggregate's bases come first in its semantic initialiser list.
      const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
      unsigned I = CRD && CRD->hasDefinition() ? CRD->getNumBases() : 0;
      for (const FieldDecl *Field : RD->fields()) {
        if (I >= IL->getNumInits())
          break;
        storeField(Field, IL->getInit(I++));
      }
      return true;
    }
    if (!isFunctionTable(IL->getType(), B.Ctx))
      return true;
    // A copy: adding the nested lists below may move the map's strings.
    auto It = Tables.find(IL);
    std::string Slot = It == Tables.end() ? Escape.str() : It->second;
    QualType Element = B.Ctx.getBaseElementType(IL->getType());
    for (const Expr *Init : IL->inits()) {
      if (const auto *Nested = dyn_cast<InitListExpr>(Init->IgnoreImplicit());
          Nested && Nested->getType()->isArrayType())
        Tables[Nested] = Slot;
      else
        S.store(Slot, Init, Element);
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) override {
    if (CE->isTypeDependent() || CE->isValueDependent())
      return true;
    const auto *Callee = dyn_cast_or_null<FunctionDecl>(CE->getCalleeDecl());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      CalleeRefs.insert(DRE);
    ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
    if (!Callee) {
      // An indirect call: its callee is read (no escape), its arguments escape.
      SmallVector<std::string, 2> Ignored;
      S.sources(CE->getCallee(), Ignored);
      storeArguments(nullptr, Args);
      return true;
    }
    if (isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(Callee) && !Args.empty())
      Args = Args.drop_front(); // argument 0 is the object
    const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
    storeArguments(MD && MD->isVirtual() ? nullptr : Callee, Args);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *E) override {
    if (!E->isTypeDependent() && E->getConstructor())
      storeArguments(E->getConstructor(), ArrayRef<const Expr *>(E->getArgs(), E->getNumArgs()));
    return true;
  }

  bool VisitCXXNewExpr(CXXNewExpr *E) override {
    // The new object's storage is not a tracked slot.
    if (const Expr *Init = E->getInitializer(); Init && !isa<CXXConstructExpr>(Init))
      S.store(Escape, Init, Init->getType());
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *RS) override {
    if (Functions.empty() || !RS->getRetValue())
      return true;
    const FunctionDecl *FD = Functions.back();
    S.store("R:" + B.usrOf(FD->getCanonicalDecl()), RS->getRetValue(), FD->getReturnType());
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *U) override {
    const Expr *Sub = U->getSubExpr();
    if (U->getOpcode() == UO_AddrOf && !Sub->isTypeDependent() &&
        (isFunctionLike(Sub->getType()) || isFunctionTable(Sub->getType(), B.Ctx)) &&
        !Sub->getType()->isFunctionType())
      if (std::string Slot = S.slotOf(Sub); !Slot.empty())
        S.exposeSlot(Slot);
    return true;
  }

  bool VisitArraySubscriptExpr(ArraySubscriptExpr *AS) override {
    Subscripted.insert(AS->getBase()->IgnoreParens());
    return true;
  }

  bool VisitImplicitCastExpr(ImplicitCastExpr *C) override {
    // A table decaying to a pointer (other than to be subscripted): its address is taken.
    if (C->getCastKind() == CK_ArrayToPointerDecay && !Subscripted.contains(C) &&
        isFunctionTable(C->getSubExpr()->getType(), B.Ctx))
      if (std::string Slot = S.slotOf(C->getSubExpr()); !Slot.empty())
        S.exposeSlot(Slot);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) override {
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
        FD && !FD->isDependentContext() && !FD->getBuiltinID() && !CalleeRefs.contains(DRE))
      References.push_back(DRE);
    return true;
  }

  /// Function references no sink accounted for escape.
  void finish() {
    for (const DeclRefExpr *DRE : References)
      if (!S.Accounted.contains(DRE)) {
        const auto *FD = cast<FunctionDecl>(DRE->getDecl());
        B.entryFor(FD);
        S.emit("f:" + B.usrOf(FD->getCanonicalDecl()), Escape);
      }
  }

private:
  void storeField(const FieldDecl *Field, const Expr *Init) {
    if (!Init)
      return;
    if (Field->getParent()->isUnion()) {
      S.store(Escape, Init, Init->getType());
      return;
    }
    std::string Key = "F:" + Field->getQualifiedNameAsString();
    if (isFunctionTable(Field->getType(), B.Ctx))
      tableSlot(Init, Key);
    else
      S.store(Key, Init, Field->getType());
  }

  /// The initialiser list of a table stores into the table's slot (visited after this).
  void tableSlot(const Expr *Init, const std::string &Key) {
    const auto *IL = dyn_cast<InitListExpr>(Init->IgnoreImplicit());
    if (!IL)
      return;
    Tables[IL] = Key;
    if (InitListExpr *Other =
            IL->isSyntacticForm() ? IL->getSemanticForm() : IL->getSyntacticForm())
      Tables[Other] = Key;
  }

  void storeArguments(const FunctionDecl *Callee, ArrayRef<const Expr *> Args) {
    Context.beginCall(Callee, Args);
    llvm::scope_exit End([&] { Context.endCall(); });
    for (unsigned I = 0; I < Args.size(); ++I) {
      if (Callee && I < Callee->getNumParams()) {
        QualType T = Callee->getParamDecl(I)->getType();
        S.store("P:" + B.usrOf(Callee->getCanonicalDecl()) + "#" + std::to_string(I), Args[I], T);
      } else {
        S.store(Escape, Args[I], Args[I]->getType());
      }
    }
  }

  SummaryBuilder &B;
  FlowSources &S;
  std::vector<const FunctionDecl *> Functions;
  DenseMap<const InitListExpr *, std::string> Tables;
  DenseSet<const Expr *> Subscripted;
  DenseSet<const DeclRefExpr *> CalleeRefs;
  std::vector<const DeclRefExpr *> References;
  FlowContext Context;
};

} // namespace

void collectAddressFlows(SummaryBuilder &B) {
  FlowSources Sources(B);
  FlowCollector Collector(B, Sources);
  Collector.TraverseDecl(B.Ctx.getTranslationUnitDecl());
  Collector.finish();
}

std::string indirectCalleeSlot(SummaryBuilder &B, const Expr *Callee, StringRef Site) {
  FlowSources Sources(B);
  SmallVector<std::string, 2> Src;
  Sources.sources(Callee, Src);
  if (Src.empty() || is_contained(Src, AnyPool))
    return {};
  if (Src.size() == 1 && isSlotKey(Src[0]))
    return Src[0];
  // Several sources (`(c ? f : g)()`) or an escaped pool: the site gets a slot of its own.
  std::string Key = ("S:" + Site).str();
  for (const std::string &S : Src)
    B.Out.Flows.push_back({S, Key});
  return Key;
}

void recordArgumentSlots(SummaryBuilder &B, ArrayRef<const Expr *> Args, CallSite &Site) {
  FlowSources Sources(B);
  for (unsigned I = 0; I < Args.size(); ++I) {
    if (Args[I]->isValueDependent() || Args[I]->isTypeDependent())
      continue;
    SmallVector<std::string, 2> Src;
    Sources.valueSources(Args[I], Args[I]->getType(), Src);
    for (const std::string &S : Src)
      if (isSlotKey(S))
        Site.ArgSlots.emplace_back(I, S);
  }
}

} // namespace rtcheck
