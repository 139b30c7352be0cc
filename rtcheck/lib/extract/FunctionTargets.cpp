//===- FunctionTargets.cpp - std::function targets kept in place ----------===//
//
// See FunctionTargets.h.
//
//===----------------------------------------------------------------------===//
#include "FunctionTargets.h"

using namespace clang;

namespace rtcheck {

bool holdsTargetInPlace(const CXXBindTemporaryExpr *E, ASTContext &Ctx) {
  const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier() || RD->getName() != "function")
    return false;
  // The construction: `std::function<S>(f)` or the conversion of `f` where one is expected.
  const Expr *Made = E->getSubExpr()->IgnoreParens();
  while (const auto *Cast = dyn_cast<CastExpr>(Made)) {
    if (!isa<CXXFunctionalCastExpr>(Cast) && Cast->getCastKind() != CK_ConstructorConversion &&
        Cast->getCastKind() != CK_NoOp)
      return false;
    Made = Cast->getSubExpr()->IgnoreParens();
  }
  const auto *Construct = dyn_cast<CXXConstructExpr>(Made);
  if (!Construct || Construct->getConstructor()->isCopyOrMoveConstructor())
    return false;
  if (Construct->getNumArgs() == 0)
    return true; // empty: no manager
  if (Construct->getNumArgs() != 1)
    return false; // an allocator-taking constructor (pre-C++17)
  QualType Target = Construct->getArg(0)->getType().getNonReferenceType().getUnqualifiedType();
  if (Target->isNullPtrType())
    return true;
  if (Target->isIncompleteType() || Target->isDependentType() ||
      !Target.isTriviallyCopyableType(Ctx))
    return false;
  // Two pointers (libstdc++'s _Any_data), at an alignment that divides a pointer's.
  CharUnits Pointer = Ctx.getTypeSizeInChars(Ctx.VoidPtrTy);
  CharUnits Align = Ctx.getTypeAlignInChars(Target);
  return Ctx.getTypeSizeInChars(Target) <= 2 * Pointer && Align <= Pointer &&
         Pointer.getQuantity() % Align.getQuantity() == 0;
}

} // namespace rtcheck
