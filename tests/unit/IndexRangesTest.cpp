// Which `at()` calls the extraction proves in range (rtcheck/lib/extract/IndexRanges): each call in
// the code below carries the answer expected on its line, `// in range` or `// may throw`.
#include "IndexRanges.h"

#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/Tooling/Tooling.h"
#include <gtest/gtest.h>

#include <map>

using namespace clang;

namespace {

/// Stand-ins for the standard containers: the prover only needs their names and members.
constexpr llvm::StringRef Std = R"(
namespace std {
using size_t = decltype(sizeof(0));
template <class T> struct vector {
  T *p; size_t n;
  size_t size() const { return n; }
  T &at(size_t i) { return p[i]; }
  T &operator[](size_t i) { return p[i]; }
  void pop_back() { --n; }
};
template <class T, size_t N> struct array {
  T e[N];
  constexpr size_t size() const { return N; }
  T &at(size_t i) { return e[i]; }
};
template <class K, class V> struct map { V &at(const K &); };
}
struct user_vector { float &at(std::size_t); std::size_t size() const; };
void helper();
void byRef(int &);
std::vector<float> g;
)";

/// (line, proven) of every `at` call in the main file's functions.
class AtCalls : public DynamicRecursiveASTVisitor {
public:
  explicit AtCalls(ASTContext &Ctx) : Ctx(Ctx) {}
  // Pre-order: a function is visited before the calls of its body.
  bool VisitFunctionDecl(FunctionDecl *FD) override {
    Prover.reset();
    if (FD->hasBody() && Ctx.getSourceManager().isInMainFile(FD->getLocation()) &&
        !FD->isInStdNamespace())
      Prover = std::make_unique<rtcheck::IndexRangeProver>(Ctx, FD);
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) override {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (Prover && MD && MD->getIdentifier() && MD->getName() == "at")
      Proven[Ctx.getSourceManager().getPresumedLineNumber(MC->getExprLoc())] =
          Prover->inRange(MC);
    return true;
  }

  ASTContext &Ctx;
  std::unique_ptr<rtcheck::IndexRangeProver> Prover;
  std::map<unsigned, bool> Proven;
};

/// Parses Std + Code and compares every `at` call with the marker on its line.
void expectMarkers(llvm::StringRef Code) {
  std::string Text = (Std + Code).str();
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(Text, {"-std=c++20"});
  ASSERT_TRUE(AST);
  AtCalls Calls(AST->getASTContext());
  Calls.TraverseAST(AST->getASTContext());
  llvm::SmallVector<llvm::StringRef> Lines;
  llvm::StringRef(Text).split(Lines, '\n');
  unsigned Marked = 0;
  for (unsigned I = 0; I < Lines.size(); ++I) {
    bool InRange = Lines[I].contains("// in range"), MayThrow = Lines[I].contains("// may throw");
    if (!InRange && !MayThrow)
      continue;
    ++Marked;
    auto It = Calls.Proven.find(I + 1);
    ASSERT_NE(It, Calls.Proven.end()) << "no at() call on line: " << Lines[I].str();
    EXPECT_EQ(It->second, InRange) << Lines[I].str();
  }
  EXPECT_EQ(Marked, Calls.Proven.size());
}

TEST(IndexRanges, LoopBoundedByTheSameContainersSize) {
  expectMarkers(R"(
struct S {
  std::vector<float> v;
  int count;
  float f() {
    float s = 0;
    for (std::size_t i = 0; i < v.size(); ++i) s += v.at(i); // in range
    for (int i = 0; i < v.size(); ++i) s += v.at(i); // in range
    for (int i = 0; i < (int)v.size(); ++i) s += v.at(i); // may throw
    for (int i = 0; i < count; ++i) s += v.at(i); // may throw
    for (std::size_t i = 0; i <= v.size(); ++i) s += v.at(i); // may throw
    for (std::size_t i = 0; v.size() > i; ++i) s += v.at(i); // in range
    std::size_t k = 0;
    while (k < v.size()) { s += v.at(k); ++k; } // in range
    return s;
  }
};
)");
}

TEST(IndexRanges, NothingBetweenTheConditionAndTheCallMayUndoIt) {
  expectMarkers(R"(
struct S {
  std::vector<float> v, w;
  float f(std::size_t j) {
    float s = 0;
    for (std::size_t i = 0; i < v.size(); ++i) { helper(); s += v.at(i); } // may throw
    for (std::size_t i = 0; i < v.size(); ++i) { v.pop_back(); s += v.at(i); } // may throw
    for (std::size_t i = 0; i < v.size(); ++i) { s += w[i] + w.size(); s += v.at(i); } // in range
    for (std::size_t i = 0; i < v.size(); ++i) { w.pop_back(); s += v.at(i); } // may throw
    for (std::size_t i = 0; i < v.size(); ++i) { ++i; s += v.at(i); } // may throw
    for (std::size_t i = 0; i < v.size(); ++i) { s += v.at(i); helper(); } // in range
    for (std::size_t i = 0; i < v.size(); ++i) for (int k = 0; k < 3; ++k) s += v.at(i); // in range
    for (std::size_t i = 0; i < v.size(); ++i) for (int k = 0; k < 3; ++k) { helper(); s += v.at(i); } // may throw
    for (std::size_t i = 0; i < w.size(); ++i) s += v.at(i); // may throw
    if (j < v.size()) s += v.at(j); // in range
    if (j < v.size()) helper(); else s += v.at(j); // may throw
    if (j >= v.size()) s += 1; else s += v.at(j); // in range
    if (j < v.size() || j == 7) s += v.at(j); // may throw
    return s;
  }
};
)");
}

TEST(IndexRanges, IndexAndContainerOthersCanReach) {
  expectMarkers(R"(
float f(std::size_t n) {
  float s = 0;
  std::vector<float> local;
  for (std::size_t i = 0; i < local.size(); ++i) { helper(); s += local.at(i); } // in range
  for (std::size_t i = 0; i < g.size(); ++i) { helper(); s += g.at(i); } // may throw
  for (int i = 0; i < g.size(); ++i) { s += g.at(i); } // in range
  int m = 0;
  byRef(m);
  for (int i = 0; m < g.size(); ++i) { s += g.at(m); } // may throw
  std::vector<float> &alias = g;
  for (std::size_t i = 0; i < alias.size(); ++i) s += alias.at(i); // may throw
  user_vector u;
  for (std::size_t i = 0; i < u.size(); ++i) s += u.at(i); // may throw
  std::vector<float> shared;
  auto clear = [&] { shared.pop_back(); };
  for (std::size_t i = 0; i < shared.size(); ++i) { clear(); s += shared.at(i); } // may throw
  return s;
}
)");
}

TEST(IndexRanges, EarlyExitsAndConstants) {
  expectMarkers(R"(
float f(std::size_t j, std::array<float, 4> &a, std::map<int, float> &m) {
  float s = a.at(3); // in range
  s += a.at(4); // may throw
  s += m.at(1); // may throw
  if (j >= g.size())
    return s;
  s += g.at(j); // in range
  helper();
  s += g.at(j); // may throw
  return s;
}
float h(std::size_t j) {
  if (j >= g.size()) return 0;
  j = j + 1;
  return g.at(j); // may throw
}
)");
}

} // namespace
