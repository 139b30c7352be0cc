//===- CalledOnField.cpp - the field a member call is made on -------------===//
#include "CalledOnField.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace rtcheck {

std::string fieldCalledOn(const CallExpr *Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  if (!Member || !Member->getImplicitObjectArgument())
    return {};
  const auto *Object =
      dyn_cast<MemberExpr>(Member->getImplicitObjectArgument()->IgnoreParenImpCasts());
  if (!Object)
    return {};
  const auto *Field = dyn_cast<FieldDecl>(Object->getMemberDecl());
  return Field ? Field->getQualifiedNameAsString() : std::string();
}

} // namespace rtcheck
