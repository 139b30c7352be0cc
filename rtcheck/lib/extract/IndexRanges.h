//===- IndexRanges.h - `at()` calls whose index is within bounds -*- C++ -*-===//
//
// Private to the extraction (#10, ranges). `v.at(i)` throws std::out_of_range only when `i` is not
// below `v.size()`. Two forms prove it never throws, so that rules' `unless_in_range` hazards are
// not reported at the call:
// - the call runs under a condition `i < v.size()` (a loop's or an `if`'s, one conjunct of an
//   `&&`), compared in the container's size type, and nothing between that condition and the
//   call can change `i` or the size of `v`;
// - a constant index below the size of a `std::array`.
// Anything else (an index bounded by another count, map keys) stays a finding: docs/analyzer.md.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_INDEXRANGES_H
#define RTCHECK_LIB_EXTRACT_INDEXRANGES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"

#include <memory>

namespace clang {
class FunctionDecl;
}

namespace rtcheck {

/// Answers for the `at()` calls of one function body; builds its parent map on first use.
class IndexRangeProver {
public:
  IndexRangeProver(clang::ASTContext &Ctx, const clang::FunctionDecl *FD) : Ctx(Ctx), FD(FD) {}
  ~IndexRangeProver();

  /// Call is `X.at(I)` of a standard container (vector, array, deque, basic_string, span) and
  /// I is proven below X's size where the call runs.
  bool inRange(const clang::CXXMemberCallExpr *Call);

private:
  clang::ASTContext &Ctx;
  const clang::FunctionDecl *FD;
  std::unique_ptr<clang::ParentMap> Parents;
};

} // namespace rtcheck

#endif
