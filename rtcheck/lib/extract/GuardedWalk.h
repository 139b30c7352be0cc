//===- GuardedWalk.h - a body walk that keeps the guard regions current --*- C++ -*-===//
//
// Private to the extraction. The passes that record something at points of a body with the
// conditions that hold there (returns, member stores, member writes) walk it as CallSites.cpp
// does: entering and leaving each statement's guard region, and leaving lambda bodies, local
// classes and blocks to the walks of their own functions.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_GUARDEDWALK_H
#define RTCHECK_LIB_EXTRACT_GUARDEDWALK_H

#include "Guards.h"

#include "clang/AST/DynamicRecursiveASTVisitor.h"

namespace rtcheck {

class GuardedWalk : public clang::DynamicRecursiveASTVisitor {
public:
  /// Regions may be null: the walk then knows no guards (library bodies).
  explicit GuardedWalk(GuardRegions *Regions) : Regions(Regions) {
    ShouldVisitImplicitCode = true;
  }

  bool dataTraverseStmtPre(clang::Stmt *S) override {
    if (Regions)
      Regions->enter(S);
    return true;
  }
  bool dataTraverseStmtPost(clang::Stmt *S) override {
    if (Regions)
      Regions->leave(S);
    return true;
  }
  bool TraverseLambdaExpr(clang::LambdaExpr *) override { return true; }
  bool TraverseCXXRecordDecl(clang::CXXRecordDecl *) override { return true; }
  bool TraverseRecordDecl(clang::RecordDecl *) override { return true; }
  bool TraverseBlockExpr(clang::BlockExpr *) override { return true; }

private:
  GuardRegions *Regions;
};

} // namespace rtcheck

#endif
