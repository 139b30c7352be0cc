//===- NestingGuard.h - bounded recursion for rtcheck's AST walks -*- C++ -*-===//
//
// Clang parses a 30,000-term `x+x+...` without trouble, but rtcheck's own walks recurse once per
// nesting level and would overflow the stack, taking every other translation unit's findings with
// the process. Each walk enters the guard once per statement or expression: past MaxDepth levels,
// or when the extraction thread's stack is nearly used up, the walk stops and the TU fails alone
// with a message naming where (docs/hardening.md, "Stack exhaustion").
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_NESTINGGUARD_H
#define RTCHECK_LIB_EXTRACT_NESTINGGUARD_H

#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceLocation.h"
#include <cstddef>
#include <cstdint>

namespace rtcheck {

/// The stack each translation unit is extracted on (Frontend.cpp): reserved, not committed, so
/// an ordinary TU touches a few hundred KB of it. Sized for MaxDepth levels of both walks in an
/// ASan build (about 3 KB per level there, under 1 KB in a release build).
constexpr size_t ExtractStackSize = size_t(256) << 20;

class NestingGuard {
public:
  /// The deepest nesting of statements and expressions the walks follow. Real code stays in
  /// the hundreds; generated expressions rarely reach a few thousand.
  static constexpr unsigned MaxDepth = 20000;
  /// Stack left unused by the walks, for what a visit calls (Clang's own evaluators).
  static constexpr size_t StackReserve = size_t(32) << 20;

  /// Called at the bottom of the thread that extracts a TU: where its stack starts.
  static void noteStackBase();

  /// Enters one level; false (and the walk must stop) when S is too deep to follow.
  bool enter(const clang::Stmt *S);
  void leave() { --Depth; }

  bool exceeded() const { return Exceeded; }
  /// Where the walk gave up.
  clang::SourceLocation where() const { return Where; }

  /// One level of a walk: `NestingGuard::Level L(G, S); if (!L) return false;`
  class Level {
  public:
    Level(NestingGuard &G, const clang::Stmt *S) : G(G), Entered(G.enter(S)) {}
    ~Level() {
      if (Entered)
        G.leave();
    }
    explicit operator bool() const { return Entered; }

  private:
    NestingGuard &G;
    bool Entered;
  };

private:
  unsigned Depth = 0;
  bool Exceeded = false;
  clang::SourceLocation Where;
};

} // namespace rtcheck

#endif
