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
#include "FlowSources.h"

#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ScopeExit.h"

#include <map>

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

constexpr StringRef Escape = EscapeSink;

/// `std::function<...> &`: a reference through which a std::function may be written.
bool isNonConstObjectRef(QualType T) {
  const auto *R = T.isNull() ? nullptr : T->getAs<LValueReferenceType>();
  return R && isFunctionObject(R->getPointeeType()) && !R->getPointeeType().isConstQualified();
}

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
    if (isNonConstObjectRef(VD->getType()))
      S.exposeObject(VD->getInit()); // `std::function<...> &r = s.cb;` may write s.cb
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
    const Expr *Object = nullptr;
    if (isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(Callee) && !Args.empty()) {
      Object = Args.front(); // argument 0 is the object
      Args = Args.drop_front();
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      Object = MC->getImplicitObjectArgument();
    }
    const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
    if (MD && Object && isFunctionObject(MD->getThisType()->getPointeeType()))
      return functionObjectMember(MD, Object, Args);
    storeArguments(MD && MD->isVirtual() ? nullptr : Callee, Args);
    return true;
  }

  /// A member of std::function called on Object: `operator=` stores into its slot, `operator()`
  /// and const members read it, any other member may change it where the flow cannot see.
  bool functionObjectMember(const CXXMethodDecl *MD, const Expr *Object,
                            ArrayRef<const Expr *> Args) {
    if (MD->getOverloadedOperator() == OO_Equal && Args.size() == 1) {
      std::string Slot = S.slotOf(Object);
      S.store(Slot.empty() ? Escape : StringRef(Slot), Args[0], Object->getType());
      return true;
    }
    if (MD->getOverloadedOperator() != OO_Call && !MD->isConst())
      S.exposeObject(Object);
    storeArguments(MD, Args);
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
    if (isNonConstObjectRef(FD->getReturnType()))
      S.exposeObject(RS->getRetValue()); // the caller may write through the reference
    S.store("R:" + B.usrOf(FD->getCanonicalDecl()), RS->getRetValue(), FD->getReturnType());
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *U) override {
    const Expr *Sub = U->getSubExpr();
    if (U->getOpcode() == UO_AddrOf && !Sub->isTypeDependent() &&
        (isSlotType(Sub->getType()) || isFunctionTable(Sub->getType(), B.Ctx)) &&
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
        if (isNonConstObjectRef(T))
          S.exposeObject(Args[I]); // `std::swap(a.cb, b.cb)`, `install(s.cb)`
        S.store("P:" + B.usrOf(Callee->getCanonicalDecl()) + "#" + std::to_string(I), Args[I], T);
      } else {
        // An unknown or virtual callee may take a std::function by non-const reference.
        if (Args[I]->isGLValue())
          S.exposeObject(Args[I]);
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

std::string indirectCalleeSlot(SummaryBuilder &B, const Expr *Callee, const FunctionDecl *Caller,
                               const SourceLoc &Loc) {
  std::string Site =
      B.usrOf(Caller) + "@" + std::to_string(Loc.Line) + ":" + std::to_string(Loc.Column);
  FlowSources Sources(B);
  SmallVector<std::string, 2> Src;
  Sources.sources(Callee, Src);
  if (Src.empty() || is_contained(Src, AnyPool))
    return {};
  if (Src.size() == 1 && isSlotKey(Src[0]))
    return Src[0];
  // Several sources (`(c ? f : g)()`) or an escaped pool: the site gets a slot of its own.
  std::string Key = "S:" + Site;
  for (const std::string &S : Src)
    B.Out.Flows.push_back({S, Key});
  return Key;
}

std::string calledObjectSlot(SummaryBuilder &B, const CallExpr *CE, const FunctionDecl *Caller,
                             const SourceLoc &Loc) {
  const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
  if (!OC || OC->getOperator() != OO_Call || OC->getNumArgs() == 0 ||
      !isFunctionObject(OC->getArg(0)->getType()))
    return {};
  return indirectCalleeSlot(B, OC->getArg(0), Caller, Loc);
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
