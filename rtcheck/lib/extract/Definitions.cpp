//===- Definitions.cpp - pass 1: what a translation unit defines ----------===//
//
// A whole-TU walk for every function definition the TU provides, the address-taken functions
// (candidates for indirect calls), the functions stored into struct fields (candidates for
// registration rules that name a callback field), the polymorphic classes it creates objects
// of (rapid type analysis) and the functions called outside every function body (entries of the
// program, link/EntryReach.h).
//
//===----------------------------------------------------------------------===//
#include "SummaryBuilder.h"

#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSet.h"

#include <set>
#include <tuple>

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// Pass 1: collects definitions, address-taken functions and function-valued field stores.
class DefinitionCollector : public DynamicRecursiveASTVisitor {
public:
  explicit DefinitionCollector(SummaryBuilder &B) : B(B) {
    ShouldVisitTemplateInstantiations = true;
    ShouldVisitImplicitCode = true;
  }

  SetVector<const FunctionDecl *> Definitions;

  bool TraverseStmt(Stmt *S) override {
    NestingGuard::Level L(B.Nesting, S);
    return L && DynamicRecursiveASTVisitor::TraverseStmt(S);
  }

  /// Counts the function bodies the walk is inside: code outside all of them (initialisers of
  /// globals and static members, default member initialisers) runs before main.
  bool TraverseDecl(Decl *D) override {
    bool Body = isa_and_nonnull<FunctionDecl>(D);
    FunctionDepth += Body;
    if (Body)
      Bodies.push_back(cast<FunctionDecl>(D));
    bool Result = DynamicRecursiveASTVisitor::TraverseDecl(D);
    if (Body)
      Bodies.pop_back();
    FunctionDepth -= Body;
    return Result;
  }

  /// A lambda's body is its call operator's, which runs when the lambda is called, not where it
  /// is written; a block's is not tracked (addresses taken there count as taken anywhere).
  bool TraverseLambdaExpr(LambdaExpr *L) override {
    Bodies.push_back(L->getCallOperator());
    bool Result = DynamicRecursiveASTVisitor::TraverseLambdaExpr(L);
    Bodies.pop_back();
    return Result;
  }
  bool TraverseBlockExpr(BlockExpr *E) override {
    Bodies.push_back(nullptr);
    bool Result = DynamicRecursiveASTVisitor::TraverseBlockExpr(E);
    Bodies.pop_back();
    return Result;
  }

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
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      noteInitialiserCall(Callee);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) override {
    const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl());
    // A library builtin (`malloc` passed as an allocator hook) is a real function; only the
    // builtins that expand inline have no address worth recording.
    if (!FD || CalleeRefs.contains(DRE) || FD->isDependentContext() || B.isPureBuiltin(FD))
      return true;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda())
      return true;
    noteAddressTaken(FD);
    noteWhereTaken(FD, DRE->getBeginLoc());
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) override {
    // A lambda converted to a function pointer can be called through that pointer.
    if (!isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
      return true;
    if (const auto *L =
            dyn_cast<LambdaExpr>(MC->getImplicitObjectArgument()->IgnoreParenImpCasts())) {
      noteAddressTaken(L->getCallOperator(), /*AsFreeFunction=*/true);
      noteWhereTaken(L->getCallOperator(), MC->getBeginLoc());
    }
    return true;
  }

  /// Rapid type analysis: the polymorphic classes the TU creates objects of, in any code
  /// (function bodies, initialisers of globals, template instantiations).
  bool VisitCXXConstructExpr(CXXConstructExpr *E) override {
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if (Ctor)
      noteInitialiserCall(Ctor);
    if (Ctor && E->getConstructionKind() == CXXConstructionKind::Complete &&
        Ctor->getParent()->hasDefinition() && Ctor->getParent()->isPolymorphic())
      B.noteConstructed(Ctor->getParent());
    return true;
  }

  /// A global's destructor runs at exit, outside every function body of the program.
  bool VisitVarDecl(VarDecl *VD) override {
    if (FunctionDepth > 0 || !VD->hasGlobalStorage() || VD->getType()->isDependentType())
      return true;
    if (const CXXRecordDecl *RD = VD->getType()->getBaseElementTypeUnsafe()->getAsCXXRecordDecl())
      if (RD->hasDefinition())
        if (const CXXDestructorDecl *Dtor = RD->getDestructor(); Dtor && !Dtor->isTrivial())
          noteInitialiserCall(Dtor);
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
  /// A call outside every function body: its callee is an entry of the program.
  void noteInitialiserCall(const FunctionDecl *Callee) {
    if (FunctionDepth > 0 || Callee->isDependentContext())
      return;
    std::string USR = B.Out.Functions[B.entryFor(Callee)].USR;
    if (InitialiserCallees.insert(USR).second)
      B.Out.InitialiserCalls.push_back(std::move(USR));
  }

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

  /// Where FD's address is taken: in which body (the innermost function the walk is in) and at
  /// which place, so that the link step can order the hand-out after that body's earlier calls.
  void noteWhereTaken(const FunctionDecl *FD, SourceLocation L) {
    std::string InBody;
    if (!Bodies.empty() && Bodies.back()) {
      // A template's pattern runs only as its instantiations, which the walk also visits.
      if (Bodies.back()->isDependentContext())
        return;
      InBody = B.usrOf(Bodies.back());
    }
    AddressTakenAt A{B.Out.Functions[B.entryFor(FD)].USR, std::move(InBody), B.loc(L)};
    if (TakenAt.insert({A.USR, A.InBody, A.Loc.File, A.Loc.Line, A.Loc.Column}).second)
      B.Out.AddressesTakenAt.push_back(std::move(A));
  }

  void noteFieldStore(const FieldDecl *Field, const Expr *Value) {
    // Tables of handlers are often `void *` (Zephyr's _isr_list::func).
    QualType T = Field->getType();
    if (!Value || !(T->isFunctionPointerType() || T->isVoidPointerType()))
      return;
    for (const FunctionDecl *FD : functionsNamedBy(Value))
      for (const std::string &Name : fieldNames(Field))
        B.Out.FieldStores.push_back({Name, B.usrOf(FD)});
  }

  /// A field under its struct's tag and under each typedef naming the struct: C headers spell
  /// one descriptor `struct _LV2_Descriptor` and `LV2_Descriptor`, and rules name either.
  SmallVector<std::string, 2> fieldNames(const FieldDecl *Field) {
    SmallVector<std::string, 2> Names{Field->getQualifiedNameAsString()};
    for (const std::string &Alias : typedefNames(Field->getParent()))
      Names.push_back(Alias + "::" + Field->getName().str());
    return Names;
  }

  /// The other names typedefs in the record's scope give it (scanned once per record).
  const SmallVector<std::string, 1> &typedefNames(const RecordDecl *RD) {
    auto [It, Inserted] = TypedefNames.try_emplace(RD);
    if (!Inserted || !RD->getIdentifier())
      return It->second;
    for (const Decl *D : RD->getDeclContext()->getRedeclContext()->decls())
      if (const auto *TD = dyn_cast<TypedefNameDecl>(D); TD && TD->getName() != RD->getName())
        if (const RecordDecl *Named = TD->getUnderlyingType()->getAsRecordDecl();
            Named && Named->getCanonicalDecl() == RD->getCanonicalDecl())
          It->second.push_back(TD->getQualifiedNameAsString());
    return It->second;
  }

  SummaryBuilder &B;
  unsigned FunctionDepth = 0;
  StringSet<> InitialiserCallees;
  DenseSet<const DeclRefExpr *> CalleeRefs;
  std::set<std::pair<size_t, std::string>> Seen;
  /// The function bodies the walk is in, innermost last (null: a block).
  std::vector<const FunctionDecl *> Bodies;
  std::set<std::tuple<std::string, std::string, std::string, unsigned, unsigned>> TakenAt;
  DenseMap<const RecordDecl *, SmallVector<std::string, 1>> TypedefNames;
};

} // namespace

SetVector<const FunctionDecl *> collectDefinitions(SummaryBuilder &B) {
  DefinitionCollector Collector(B);
  Collector.TraverseDecl(B.Ctx.getTranslationUnitDecl());
  return std::move(Collector.Definitions);
}

} // namespace rtcheck
