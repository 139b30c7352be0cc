//===- SymbolLoaders.cpp - functions loaded by name -----------------------===//
#include "SymbolLoaders.h"

#include "clang/AST/Decl.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

#include <optional>

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// How many helpers deep a name is followed (`load(name)` -> `lib_symbol(lib, name)` -> dlsym).
constexpr unsigned MaxHelperDepth = 3;

/// What an expression loads: a literal name, the name given as parameter Param of the function
/// it sits in, or nothing known.
struct Loaded {
  std::string Name;
  int Param = -1;
};

std::optional<Loaded> loadedBy(const Expr *E, unsigned Depth);

bool isNull(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E))
    return true;
  if (const auto *I = dyn_cast<IntegerLiteral>(E))
    return I->getValue() == 0;
  return false;
}

/// A literal string, or a parameter of the enclosing function, as the name argument.
std::optional<Loaded> nameArgument(const Expr *Arg) {
  Arg = Arg->IgnoreParenImpCasts();
  if (const auto *S = dyn_cast<clang::StringLiteral>(Arg); S && S->isOrdinary())
    return Loaded{S->getString().str(), -1};
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg))
    if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
      return Loaded{"", int(P->getFunctionScopeIndex())};
  return std::nullopt;
}

/// Every return statement of a body, lambdas' excluded.
class ReturnCollector : public RecursiveASTVisitor<ReturnCollector> {
public:
  SmallVector<const ReturnStmt *, 4> Returns;
  bool VisitReturnStmt(ReturnStmt *R) {
    Returns.push_back(R);
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
};

/// The parameter of Helper whose name every non-null return value loads, if any.
std::optional<unsigned> loadingParameter(const FunctionDecl *Helper, unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!Helper->hasBody(Def) || !Def->getBody())
    return std::nullopt;
  ReturnCollector C;
  C.TraverseStmt(Def->getBody());
  std::optional<unsigned> Param;
  for (const ReturnStmt *R : C.Returns) {
    const Expr *V = R->getRetValue();
    if (!V)
      return std::nullopt;
    if (isNull(V))
      continue;
    std::optional<Loaded> L = loadedBy(V, Depth + 1);
    if (!L || L->Param < 0 || (Param && *Param != unsigned(L->Param)))
      return std::nullopt;
    Param = unsigned(L->Param);
  }
  return Param;
}

std::optional<Loaded> loadedBy(const Expr *E, unsigned Depth) {
  const auto *CE = dyn_cast<CallExpr>(E->IgnoreParenCasts());
  const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
  if (!Callee || Depth > MaxHelperDepth)
    return std::nullopt;
  if (Callee->getIdentifier() && (Callee->getName() == "dlsym" || Callee->getName() == "dlvsym")) {
    if (CE->getNumArgs() < 2)
      return std::nullopt;
    return nameArgument(CE->getArg(1));
  }
  std::optional<unsigned> Param = loadingParameter(Callee, Depth);
  if (!Param || *Param >= CE->getNumArgs())
    return std::nullopt;
  return nameArgument(CE->getArg(*Param));
}

} // namespace

std::string symbolLoadedBy(const Expr *E) {
  std::optional<Loaded> L = loadedBy(E, 0);
  return L ? L->Name : std::string();
}

} // namespace rtcheck
