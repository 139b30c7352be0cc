//===- FlowContext.cpp - the context of the address flows of a body --------===//
#include "FlowContext.h"

#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

bool hasFunctionValuedParam(const FunctionDecl *FD) {
  return any_of(FD->parameters(), [](const ParmVarDecl *P) {
    QualType T = P->getType();
    if (const auto *R = T->getAs<ReferenceType>())
      T = R->getPointeeType();
    return T->isFunctionPointerType() || T->isMemberFunctionPointerType();
  });
}

std::string paramPrefix(SummaryBuilder &B, const FunctionDecl *FD) {
  return "P:" + B.usrOf(FD->getCanonicalDecl()) + "#";
}

/// An integer constant, or a null pointer constant as 0 (as CallSite::ConstArgs reads them).
std::optional<int64_t> constantArgument(const Expr *Arg, ASTContext &Ctx) {
  if (Arg->getType()->isIntegralOrEnumerationType()) {
    Expr::EvalResult R;
    if (Arg->EvaluateAsInt(R, Ctx) && R.Val.isInt())
      return R.Val.getInt().getExtValue();
    return std::nullopt;
  }
  if (Arg->getType()->isPointerType() &&
      Arg->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return 0;
  return std::nullopt;
}

bool sameGuards(const std::vector<GuardClause> &A, const std::vector<GuardClause> &B) {
  auto SameAtom = [](const GuardAtom &X, const GuardAtom &Y) {
    return X.Param == Y.Param && X.Var == Y.Var && X.Op == Y.Op && X.Value == Y.Value;
  };
  auto SameClause = [&](const GuardClause &X, const GuardClause &Y) {
    return llvm::equal(X, Y, SameAtom);
  };
  return llvm::equal(A, B, SameClause);
}

template <typename T> void keepCommon(std::vector<T> &Into, const std::vector<T> &Other) {
  llvm::erase_if(Into, [&](const T &X) { return !is_contained(Other, X); });
}

} // namespace

void FlowContext::enterFunction(const FunctionDecl *FD) {
  Body &New = Bodies.emplace_back();
  New.FD = FD;
  if (!FD->doesThisDeclarationHaveABody() || !FD->getBody() || !hasFunctionValuedParam(FD))
    return;
  New.ParamPrefix = paramPrefix(B, FD);
  New.Regions = std::make_unique<GuardRegions>(B, FD);
}

void FlowContext::leaveFunction() {
  if (!Bodies.empty())
    Bodies.pop_back();
}

void FlowContext::enter(const Stmt *S) {
  if (!Bodies.empty() && Bodies.back().Regions)
    Bodies.back().Regions->enter(S);
}

void FlowContext::leave(const Stmt *S) {
  if (!Bodies.empty() && Bodies.back().Regions)
    Bodies.back().Regions->leave(S);
}

void FlowContext::beginCall(const FunctionDecl *Callee, ArrayRef<const Expr *> Args) {
  Call.reset();
  // Library functions have no body whose stores could be decided.
  if (!Callee || B.isSystem(Callee->getLocation()))
    return;
  CallFacts Facts;
  Facts.ParamPrefix = paramPrefix(B, Callee);
  const GuardRegions *Regions = Bodies.empty() ? nullptr : Bodies.back().Regions.get();
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    const Expr *Arg = Args[I];
    if (Arg->isValueDependent() || Arg->isTypeDependent())
      continue;
    if (int Param = Regions ? Regions->unchangedParam(Arg) : -1;
        Param >= 0 && B.Ctx.hasSameUnqualifiedType(Arg->IgnoreParenImpCasts()->getType(),
                                                   Callee->getParamDecl(I)->getType()))
      Facts.ParamArgs.emplace_back(I, unsigned(Param));
    else if (std::optional<int64_t> V = constantArgument(Arg, B.Ctx))
      Facts.ConstArgs.emplace_back(I, *V);
  }
  Call = std::move(Facts);
}

void FlowContext::apply(FlowEdge &E) const {
  if (!Bodies.empty() && Bodies.back().Regions &&
      StringRef(E.From).starts_with(Bodies.back().ParamPrefix)) {
    CallSite Here;
    Bodies.back().Regions->apply(Here);
    E.Guards = std::move(Here.Guards);
  }
  if (Call && StringRef(E.To).starts_with(Call->ParamPrefix)) {
    E.ConstArgs = Call->ConstArgs;
    // The caller's parameters mean something only to the values read from them.
    if (!Bodies.empty() && !Bodies.back().ParamPrefix.empty() &&
        StringRef(E.From).starts_with(Bodies.back().ParamPrefix))
      E.ParamArgs = Call->ParamArgs;
  }
}

void mergeFlowContext(FlowEdge &Into, const FlowEdge &Other) {
  // A store made under two sets of conditions runs under either: no condition is known.
  if (!sameGuards(Into.Guards, Other.Guards))
    Into.Guards.clear();
  keepCommon(Into.ConstArgs, Other.ConstArgs);
  keepCommon(Into.ParamArgs, Other.ParamArgs);
}

} // namespace rtcheck
