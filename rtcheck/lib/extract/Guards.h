//===- Guards.h - what running a statement implies ---------------*- C++ -*-===//
//
// Private to the extraction. Before a body's call sites are collected, its guarded regions are
// found: the branches of `if`, `?:`, `&&`/`||` and `switch`, the statements after an early exit
// (also one nested in `if` branches), loop bodies and the initialisers of function-local
// statics. A member tested right after a method call on `*this` is also named as its value
// after that call (memberAfterCallName, MembersLeftSet.h). Each region carries the
// conditions on the function's parameters, globals and members that hold whenever it runs
// (CallSite::Guards). The language is small on purpose: comparisons of one parameter or
// variable with an integer constant or a null pointer, truth tests, `!`, `&&` and `||`.
// Anything else guards nothing, and a region a `goto` label or a stray `case` can jump into
// gets no conditions, so pruning by guards never assumes more than the code says.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_GUARDS_H
#define RTCHECK_LIB_EXTRACT_GUARDS_H

#include "GuardForms.h"
#include "SummaryBuilder.h"
#include "clang/AST/Stmt.h"

namespace rtcheck {

class GuardRegions {
public:
  GuardRegions(SummaryBuilder &B, const clang::FunctionDecl *FD);

  /// Called as the body walker enters and leaves each statement.
  void enter(const clang::Stmt *S);
  void leave(const clang::Stmt *S);
  /// Fills the guard fields of a site recorded at the current point of the walk.
  void apply(CallSite &C) const;

  /// The index of the parameter of the function that E reads, when E is a parameter the body
  /// never writes, takes the address of or binds to a reference; -1 otherwise.
  int unchangedParam(const clang::Expr *E) const;
  /// What the truth (Positive) or falsity of E says, when that is a conjunction of conditions on
  /// the function's parameters; nothing otherwise.
  std::optional<std::vector<GuardAtom>> paramConjunction(const clang::Expr *E, bool Positive);
  /// The name the guards give a function-local static of this function.
  std::string staticName(const clang::VarDecl *VD) const;

  // --- constants through return values (#10, newcode) ---
  /// callResultName of the direct call whose result E is (the call itself, or a local variable
  /// initialised by it that the body never changes, through value-keeping casts); empty
  /// otherwise, and in library bodies.
  std::string callResultOf(const clang::Expr *E) const;
  /// unchangedParam through value-keeping casts only (no conversion to bool).
  int unchangedValueParam(const clang::Expr *E) const;
  /// The conditions that hold at the current point of the walk.
  std::vector<GuardClause> clauses() const;

  struct Region {
    std::vector<GuardClause> Clauses;
    bool Conditional = true;
    std::string StaticInit;
  };

private:
  friend class RegionFinder;
  Region &regionOf(const clang::Stmt *S) { return Regions[S]; }

  SummaryBuilder &B;
  const clang::FunctionDecl *FD;
  llvm::DenseMap<const clang::Stmt *, Region> Regions;
  llvm::DenseMap<const clang::VarDecl *, const clang::CallExpr *> LocalResults;
  /// Locals initialised once from a global or a member and never changed (`auto cb =
  /// (Callback)info.errorCallback;`): a test of one is a test of that variable's value.
  llvm::DenseMap<const clang::VarDecl *, const clang::ValueDecl *> LocalCopies;
  bool Library = true;
  llvm::DenseSet<const clang::ParmVarDecl *> Unchanged;
  std::vector<const Region *> Active;
  unsigned ConditionalDepth = 0;
  bool HasLabel = true; // library bodies: no guards, nothing unconditional
};

} // namespace rtcheck

#endif
