// Runtime-shim benchmarks (docs/performance.md): a malloc/free pair outside any scope, a scope
// begin+end, and a malloc/free pair counted inside a scope. Built three ways:
//   rtcheck_bench           g++, run without and with LD_PRELOAD=librtcheck_rt.so
//   rtcheck_bench_clang     clang++-22, no sanitizer (the baseline of the next one)
//   rtcheck_bench_rtsan     clang++-22 -fsanitize=realtime: the scope is a [[clang::nonblocking]]
//                           call, which RealtimeSanitizer brackets with its realtime enter/exit
#include <rtcheck/realtime.h>

#include <benchmark/benchmark.h>

#include <cstdlib>

namespace {

void BM_MallocFreeOutsideScope(benchmark::State &State) {
  for (auto _ : State) {
    void *P = std::malloc(64);
    benchmark::DoNotOptimize(P);
    std::free(P);
  }
}
BENCHMARK(BM_MallocFreeOutsideScope);

#if defined(RTCHECK_BENCH_RTSAN) || defined(RTCHECK_BENCH_CLANG)
// RealtimeSanitizer's scope: entering and leaving a nonblocking function.
__attribute__((noinline)) int nonblockingEmpty(int X) [[clang::nonblocking]] {
  benchmark::DoNotOptimize(X);
  return X;
}
void BM_ScopeBeginEnd(benchmark::State &State) {
  int X = 0;
  for (auto _ : State)
    benchmark::DoNotOptimize(nonblockingEmpty(X));
}
BENCHMARK(BM_ScopeBeginEnd);
#else
void BM_ScopeBeginEnd(benchmark::State &State) {
  for (auto _ : State) {
    RTCHECK_SCOPE_BEGIN("bench.scope", 0);
    RTCHECK_SCOPE_END();
  }
}
BENCHMARK(BM_ScopeBeginEnd);

// Inside a scope every call is a violation: counted, its site looked up (stack captured once).
void BM_MallocFreeInsideScope(benchmark::State &State) {
  RTCHECK_SCOPE_BEGIN("bench.violating", 0);
  for (auto _ : State) {
    void *P = std::malloc(64);
    benchmark::DoNotOptimize(P);
    std::free(P);
  }
  RTCHECK_SCOPE_END();
}
BENCHMARK(BM_MallocFreeInsideScope);
#endif

} // namespace

BENCHMARK_MAIN();
