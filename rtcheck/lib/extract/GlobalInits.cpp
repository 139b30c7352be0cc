//===- GlobalInits.cpp - what the initialisers of globals always call -----===//
//
// The dynamic initialisers of a program's globals run before `main` (and before a plug-in's
// entry point is looked up): sfizz's `sfz::Sfizz synth;` builds the synthesizer, whose wavetable
// pool fills its function-local statics, before `main` registers the JACK callback. The link
// step's setup order counts these calls as made before anything `main` does
// (Summary::BeforeMainCalls).
//
//===----------------------------------------------------------------------===//
#include "SummaryBuilder.h"

#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// The calls an initialiser always makes: not in an arm of `?:`, on the right of `&&`/`||`, or
/// in a lambda's body.
class AlwaysCalled : public DynamicRecursiveASTVisitor {
public:
  explicit AlwaysCalled(SummaryBuilder &B) : B(B) { ShouldVisitImplicitCode = true; }

  bool TraverseConditionalOperator(ConditionalOperator *E) override {
    return TraverseStmt(E->getCond());
  }
  bool TraverseBinaryConditionalOperator(BinaryConditionalOperator *E) override {
    return TraverseStmt(E->getCommon());
  }
  bool TraverseBinaryOperator(BinaryOperator *E) override {
    if (E->isLogicalOp())
      return TraverseStmt(E->getLHS());
    return DynamicRecursiveASTVisitor::TraverseBinaryOperator(E);
  }
  bool TraverseLambdaExpr(LambdaExpr *) override { return true; }
  bool TraverseBlockExpr(BlockExpr *) override { return true; }

  bool VisitCallExpr(CallExpr *E) override {
    note(E->getDirectCallee());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) override {
    note(E->getConstructor());
    return true;
  }

private:
  void note(const FunctionDecl *FD) {
    if (!FD || FD->isDependentContext())
      return;
    std::string USR = B.Out.Functions[B.entryFor(FD)].USR;
    if (Seen.insert(USR).second)
      B.Out.BeforeMainCalls.push_back(std::move(USR));
  }
  SummaryBuilder &B;
  StringSet<> Seen;
};

void varsIn(const DeclContext *DC, function_ref<void(const VarDecl *)> Visit, unsigned Depth) {
  if (Depth > 8)
    return;
  for (const Decl *D : DC->decls()) {
    if (const auto *V = dyn_cast<VarDecl>(D))
      Visit(V);
    else if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D) ||
             (isa<CXXRecordDecl>(D) && cast<CXXRecordDecl>(D)->isThisDeclarationADefinition()))
      varsIn(cast<DeclContext>(D), Visit, Depth + 1);
  }
}

} // namespace

void forEachNamespaceScopeVar(const ASTContext &Ctx, function_ref<void(const VarDecl *)> Visit) {
  varsIn(Ctx.getTranslationUnitDecl(), Visit, 0);
}

void collectBeforeMainCalls(SummaryBuilder &B) {
  if (!B.Ctx.getLangOpts().CPlusPlus)
    return; // C initialisers are constants
  AlwaysCalled Calls(B);
  // Not a thread's variable, a template's, or one initialised at compile time.
  forEachNamespaceScopeVar(B.Ctx, [&](const VarDecl *V) {
    if (V->hasGlobalStorage() && !V->isStaticLocal() && V->getTLSKind() == VarDecl::TLS_None &&
        !V->isTemplated() && V->getInit() && !V->getInit()->isValueDependent() &&
        !V->hasConstantInitialization())
      Calls.TraverseStmt(const_cast<Expr *>(V->getInit()));
  });
}

} // namespace rtcheck
