// Runtime-shim benchmarks (docs/performance.md): a malloc/free pair outside any scope, a scope
// begin+end, and a malloc/free pair counted inside a scope. Built three ways:
//   rtcheck_bench           g++, run without and with LD_PRELOAD=librtcheck_rt.so
//   rtcheck_bench_clang     clang++-22, no sanitizer (the baseline of the next one)
//   rtcheck_bench_rtsan     clang++-22 -fsanitize=realtime: the scope is a [[clang::nonblocking]]
//                           call, which RealtimeSanitizer brackets with its realtime enter/exit
#include <rtcheck/realtime.h>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <dlfcn.h>
#include <ladspa.h>

namespace {

void BM_MallocFreeOutsideScope(benchmark::State &State) {
  for (auto _ : State) {
    void *P = std::malloc(64);
    benchmark::DoNotOptimize(P);
    std::free(P);
  }
}
BENCHMARK(BM_MallocFreeOutsideScope);

// A plug-in's run as a host calls it (tests/bench/bench_plugin.c: an empty LADSPA run, 64 frames
// at 48 kHz). Under the shim the host gets a wrapped descriptor: the difference to the run without
// the shim is what a wrapped callback costs (the trampoline and its scope). RealtimeSanitizer does
// not wrap plug-ins: its column is the plain call.
void BM_WrappedPluginRun(benchmark::State &State) {
  void *Lib = dlopen(RTCHECK_BENCH_PLUGIN, RTLD_NOW | RTLD_LOCAL);
  auto Entry =
      Lib ? reinterpret_cast<LADSPA_Descriptor_Function>(dlsym(Lib, "ladspa_descriptor")) : nullptr;
  const LADSPA_Descriptor *D = Entry ? Entry(0) : nullptr;
  if (!D) {
    State.SkipWithError("cannot load " RTCHECK_BENCH_PLUGIN);
    return;
  }
  LADSPA_Handle H = D->instantiate(D, 48000);
  for (auto _ : State)
    D->run(H, 64);
  D->cleanup(H);
}
BENCHMARK(BM_WrappedPluginRun);

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

// What a scope's two clock reads cost alone (the rest of BM_ScopeBeginEnd is the shim's
// bookkeeping and the calls into it): one read of each clock the shim can use (runtime/src/clock.c).
void BM_ClockReadTsc(benchmark::State &State) {
#if defined(__x86_64__)
  for (auto _ : State)
    benchmark::DoNotOptimize(__builtin_ia32_rdtsc());
#else
  State.SkipWithError("no TSC on this architecture");
#endif
}
BENCHMARK(BM_ClockReadTsc);

void BM_ClockReadMonotonic(benchmark::State &State) {
  for (auto _ : State) {
    timespec Ts;
    clock_gettime(CLOCK_MONOTONIC, &Ts);
    benchmark::DoNotOptimize(Ts);
  }
}
BENCHMARK(BM_ClockReadMonotonic);

// Issue #14: a thread that opens many distinct scope names (past the 32-slot per-thread cache)
// must pay about the same per scope as one that opens a few. The argument is the number of names.
const char *const *scopeNames() {
  static const char *Names[400];
  static char Storage[400][16];
  for (int I = 0; I < 400; ++I) {
    std::snprintf(Storage[I], sizeof Storage[I], "bench.scope%d", I);
    Names[I] = Storage[I];
  }
  return Names;
}
void BM_ScopeBeginEndNames(benchmark::State &State) {
  static const char *const *Names = scopeNames();
  unsigned Count = static_cast<unsigned>(State.range(0)), I = 0;
  for (auto _ : State) {
    RTCHECK_SCOPE_BEGIN(Names[I], 0);
    RTCHECK_SCOPE_END();
    I = I + 1 == Count ? 0 : I + 1;
  }
}
BENCHMARK(BM_ScopeBeginEndNames)->Arg(8)->Arg(32)->Arg(400);

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
