//===- NestingGuard.cpp - bounded recursion for rtcheck's AST walks -------===//
#include "NestingGuard.h"

#include "llvm/Support/ProgramStack.h"

namespace rtcheck {
namespace {

/// The stack pointer near the bottom of this thread's stack; 0 where noteStackBase was not
/// called (the depth limit alone then applies).
thread_local uintptr_t StackBase = 0;

bool stackNearlyExhausted() {
  if (!StackBase)
    return false;
  uintptr_t Here = llvm::getStackPointer();
  // The stack grows down; a pointer above the base is another stack (Clang runs some deep work
  // on stacks of its own): not ours to judge.
  if (Here > StackBase)
    return false;
  size_t Used = StackBase - Here;
  return Used < ExtractStackSize && Used > ExtractStackSize - NestingGuard::StackReserve;
}

} // namespace

void NestingGuard::noteStackBase() { StackBase = llvm::getStackPointer(); }

bool NestingGuard::enter(const clang::Stmt *S) {
  if (Exceeded)
    return false;
  if (Depth >= MaxDepth || stackNearlyExhausted()) {
    Exceeded = true;
    if (S)
      Where = S->getBeginLoc();
    return false;
  }
  ++Depth;
  return true;
}

} // namespace rtcheck
