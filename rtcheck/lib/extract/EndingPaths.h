//===- EndingPaths.h - statements on paths that end the program -*- C++ -*-===//
//
// Private to the extraction. A failing assert, an `if (bad) { fprintf(stderr, ...); abort(); }`
// block, a `[[noreturn]]` error handler: the calls on such a path run only on the way out of the
// program. The extractor records, for every call site, the noreturn function that ends the path
// it lies on; the link step decides (with the rules) whether that function ends the program and
// whether such paths are reported (docs/analyzer.md, "Paths that end the program").
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_LIB_EXTRACT_ENDINGPATHS_H
#define RTCHECK_LIB_EXTRACT_ENDINGPATHS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PointerUnion.h"

namespace rtcheck {

/// What ends a path: a call of a noreturn function, or a debugger trap (`asm("int3")`,
/// `__builtin_debugtrap()`, `raise(SIGTRAP)`: sfizz's and many projects' ASSERT macros), which
/// stops the program unless a debugger is attached (the name DebuggerTrap in the summary).
using PathEnd = llvm::PointerUnion<const clang::FunctionDecl *, const clang::Stmt *>;
inline constexpr llvm::StringLiteral DebuggerTrap = "__debugtrap";

/// The statements of Body after which control never comes back: each maps to what ends every
/// path through it. A statement is in the map when it is followed, in its enclosing block, by a
/// statement that always ends in a noreturn call or a trap, with no return, break, continue,
/// goto or throw in between that could leave the block first; the branches of an `if` that end
/// in such a call are in it too. Blocks of lambdas are included (harmless: a lambda body is
/// walked as its own function, with the same map).
llvm::DenseMap<const clang::Stmt *, PathEnd> statementsEndingInNoReturn(const clang::Stmt *Body);

/// An exception leaving FD's body ends the program (std::terminate): FD is noexcept, or a
/// destructor (noexcept by default) whose exception specification is not written.
bool exceptionsEndProgramIn(const clang::FunctionDecl *FD);
/// S holds a `try` block (outside nested lambdas and blocks).
bool containsTryBlock(const clang::Stmt *S);

} // namespace rtcheck

#endif
