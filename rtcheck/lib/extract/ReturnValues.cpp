//===- ReturnValues.cpp - what a body returns, and when -------------------===//
//
// Constants through return values (#10, newcode; docs/constants.md): every
// `return` of a user body that returns an integer or a pointer, with the conditions under which
// it runs (Guards.h) and what it returns when the link step can know it: a constant (a null
// pointer is 0), a parameter the body never changes, or the result of a direct call of the same
// body. The link step evaluates them per caller context, so `lv2_features_data(NULL, uri)`
// returns NULL to a caller's guard.
//
//===----------------------------------------------------------------------===//
#include "ReturnValues.h"

#include "GuardedWalk.h"

using namespace clang;
using namespace llvm;

namespace rtcheck {
namespace {

/// Walks a body as CallSites.cpp does, so that the guard regions apply at each `return`.
class ReturnCollector : public GuardedWalk {
public:
  ReturnCollector(SummaryBuilder &B, const FunctionDecl *FD)
      : GuardedWalk(&Regions), B(B), Regions(B, FD) {}

  bool VisitReturnStmt(ReturnStmt *S) override {
    ReturnSite R;
    R.Guards = Regions.clauses();
    if (const Expr *E = S->getRetValue()) {
      // The whole expression first: its conversion to the return type is part of the value.
      R.Constant = constantValue(E, B.Ctx);
      if (!R.Constant)
        R.Param = Regions.unchangedValueParam(E);
      if (!R.Constant && R.Param < 0)
        R.Result = Regions.callResultOf(E);
      if (!R.Constant && R.Param < 0 && R.Result.empty())
        memberRead(E, R);
    }
    Returns.push_back(std::move(R));
    return true;
  }

  /// An integer member, or its bits `m & K`, possibly converted to bool (#10, modes): the link
  /// step knows it when the program's stores decide the member (MemberValues.h).
  void memberRead(const Expr *E, ReturnSite &R) {
    E = E->IgnoreParens();
    if (const auto *C = dyn_cast<ImplicitCastExpr>(E); C && C->getCastKind() == CK_IntegralToBoolean) {
      R.ToBool = true;
      E = C->getSubExpr();
    }
    E = guard_forms::withoutValueCasts(E, B.Ctx);
    if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->getOpcode() == BO_And) {
      std::optional<int64_t> K = constantValue(BO->getRHS(), B.Ctx);
      E = BO->getLHS();
      if (!K) {
        K = constantValue(BO->getLHS(), B.Ctx);
        E = BO->getRHS();
      }
      if (!K || *K == 0) {
        R.ToBool = false;
        return;
      }
      R.Mask = *K;
      E = guard_forms::withoutValueCasts(E, B.Ctx);
    }
    if (const auto *Load = dyn_cast<ImplicitCastExpr>(E); Load && Load->getCastKind() == CK_LValueToRValue)
      E = Load->getSubExpr()->IgnoreParens();
    const auto *ME = dyn_cast<MemberExpr>(E);
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (F && F->getType()->isIntegralOrEnumerationType())
      R.Member = F->getQualifiedNameAsString();
    else
      R.Mask = 0, R.ToBool = false;
  }

  SummaryBuilder &B;
  GuardRegions Regions;
  std::vector<ReturnSite> Returns;
};

} // namespace

std::vector<ReturnSite> returnsOf(SummaryBuilder &B, const FunctionDecl *FD) {
  QualType T = FD->getReturnType();
  if (!FD->hasBody() || B.isSystem(FD->getLocation()) || FD->isDependentContext() ||
      !(T->isIntegralOrEnumerationType() || T->isPointerType()))
    return {};
  ReturnCollector Collector(B, FD);
  Collector.TraverseStmt(FD->getBody());
  if (none_of(Collector.Returns, [](const ReturnSite &R) { return R.known(); }))
    return {};
  return std::move(Collector.Returns);
}

} // namespace rtcheck
