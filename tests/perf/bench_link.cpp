// Benchmark: the link step on synthetic programs of growing size. Google Benchmark fits the
// complexity; the design target is linear in the size of the call graph.
//
// Each program has N functions in 20 layers (call depth stays bounded while width grows): every
// function calls three of the next layer (one through a virtual call), every fiftieth overrides a
// function of the layer above, every tenth calls malloc; roots are either one function in a
// thousand or a fixed eight.
#include "rtcheck/Link.h"
#include "rtcheck/Rules.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <benchmark/benchmark.h>

using namespace rtcheck;

namespace {

std::vector<Summary> syntheticProgram(int64_t N, int64_t RootEvery) {
  constexpr int64_t Depth = 20; // call depth stays bounded as programs grow; width grows
  const int64_t Width = std::max<int64_t>(1, N / Depth);
  Summary S;
  auto Name = [](int64_t I) { return "f" + std::to_string(I); };
  for (int64_t I = 0; I < N; ++I) {
    Function F;
    F.USR = "u:" + Name(I);
    F.Name = Name(I);
    F.Loc = {"/src/p.cpp", unsigned(I + 1), 1};
    F.HasBody = true;
    if (I % RootEvery == 0) {
      F.RootContext = "audio";
      F.RootOrigin = "annotation";
    }
    int64_t Next = (I / Width + 1) * Width;
    for (int64_t K = 0; K < 3 && Next < N; ++K) {
      CallSite C;
      C.Kind = K == 2 ? CallKind::Virtual : CallKind::Direct;
      C.Callee = "u:" + Name(Next + (I * 7919 + K * 104729) % std::min(Width, N - Next));
      C.Loc = {"/src/p.cpp", unsigned(I + 1), unsigned(K + 1)};
      F.Calls.push_back(C);
    }
    if (I % 10 == 0) {
      CallSite C;
      C.Callee = "u:malloc";
      C.Loc = {"/src/p.cpp", unsigned(I + 1), 9};
      F.Calls.push_back(C);
    }
    // Some functions override one of the previous layer, so virtual calls have several targets.
    if (I % 50 == 1 && I >= Width)
      F.Overrides.push_back("u:" + Name(I - Width));
    S.Functions.push_back(std::move(F));
  }
  Function Malloc;
  Malloc.USR = "u:malloc";
  Malloc.Name = "malloc";
  Malloc.InSystemHeader = true;
  S.Functions.push_back(Malloc);
  return {S};
}

RuleSet mallocRule() {
  llvm::SmallString<128> Path;
  int FD;
  llvm::sys::fs::createTemporaryFile("bench-rules", "json", FD, Path);
  {
    llvm::raw_fd_ostream OS(FD, true);
    OS << R"({"family":"bench","functions":[{"name":"malloc","category":"alloc","reason":"heap"}]})";
  }
  RuleSet R;
  llvm::consumeError(R.loadFile(Path));
  llvm::sys::fs::remove(Path);
  return R;
}

/// Roots grow with the program: one per thousand functions.
void BM_LinkManyRoots(benchmark::State &State) {
  std::vector<Summary> Program = syntheticProgram(State.range(0), 1000);
  RuleSet Rules = mallocRule();
  size_t Edges = 0;
  for (const Function &F : Program[0].Functions)
    Edges += F.Calls.size();
  for (auto _ : State) {
    LinkResult R = link(Program, Rules, {});
    benchmark::DoNotOptimize(R.Findings.data());
  }
  State.counters["edges"] = double(Edges);
  State.SetComplexityN(State.range(0));
}
BENCHMARK(BM_LinkManyRoots)->RangeMultiplier(4)->Range(1 << 10, 1 << 18)->Unit(benchmark::kMillisecond)->Complexity();

/// A fixed set of eight roots, as in a typical engine.
void BM_LinkEightRoots(benchmark::State &State) {
  std::vector<Summary> Program = syntheticProgram(State.range(0), State.range(0) / 8);
  RuleSet Rules = mallocRule();
  for (auto _ : State) {
    LinkResult R = link(Program, Rules, {});
    benchmark::DoNotOptimize(R.Findings.data());
  }
  State.SetComplexityN(State.range(0));
}
BENCHMARK(BM_LinkEightRoots)->RangeMultiplier(4)->Range(1 << 10, 1 << 18)->Unit(benchmark::kMillisecond)->Complexity();

} // namespace

BENCHMARK_MAIN();
