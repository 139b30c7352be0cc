//===- ConstantConditions.h - branches a constant condition rules out ----*- C++ -*-===//
//
// Private to the extraction (CallSites.cpp). `if (0)`, `if (DEBUG_LEVEL > 3)` with a constant
// macro, and a library's `if (v.valueless_by_exception())` on a variant whose alternatives can
// never be valueless all have a branch that never runs; its calls are no call sites at all
// (docs/constants.md).
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_CONSTANTCONDITIONS_H
#define RTCHECK_LIB_EXTRACT_CONSTANTCONDITIONS_H

#include "clang/AST/Expr.h"
#include <optional>

namespace rtcheck {

/// The truth of Cond wherever it runs, when Clang folds it to a constant or it combines (`!`,
/// `&&`, `||`) calls of inline, non-virtual functions whose every run returns one constant that
/// does not depend on their arguments or object.
std::optional<bool> knownTruth(const clang::Expr *Cond, clang::ASTContext &Ctx);

/// Branch runs only when Cond is Taken, Cond is known to be the other way, and no label inside
/// Branch lets a jump enter it: Branch never runs.
bool ruledOut(const clang::Expr *Cond, bool Taken, const clang::Stmt *Branch,
              clang::ASTContext &Ctx);

} // namespace rtcheck

#endif
