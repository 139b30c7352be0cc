/* How much of the shim's own work shows in a scope's latency (docs/runtime.md, "Costs"). Each of
 * 256 scope names is opened once around one malloc: every one of those calls is the first at its
 * site (the site key includes the innermost scope), so the shim captures a stack inside the scope.
 * "first_violation.known" runs the same body 256 times at a site that is already known. Run with
 * LD_PRELOAD=librtcheck_rt.so RTCHECK_OPTIONS=report=r.json:max_sites=1024 and compare the two
 * latencies in the report (tests/bench/run_runtime_bench.py does). */
#include <rtcheck/realtime.h>

#include <stdio.h>
#include <stdlib.h>

#define NAMES 256

static char names[NAMES][32];

__attribute__((noinline)) static void body(void) {
  void *volatile p = malloc(64);
  free(p);
}

int main(void) {
  for (int i = 0; i < NAMES; i++)
    snprintf(names[i], sizeof names[i], "first_violation.%d", i);
  body(); /* outside any scope: resolves the real functions first */
  for (int i = 0; i < NAMES; i++) {
    RTCHECK_SCOPE_BEGIN(names[i], 0);
    body();
    RTCHECK_SCOPE_END();
  }
  for (int i = 0; i < NAMES; i++) {
    RTCHECK_SCOPE_BEGIN("first_violation.known", 0);
    body();
    RTCHECK_SCOPE_END();
  }
  return 0;
}
