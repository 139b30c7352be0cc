/* #10 causes (4): a condition the compiler folds to a constant (`if (0)`, a debug level fixed by a macro, `sizeof` tests, a `static const` flag, an inline helper that always returns the same value) rules out its branch; a branch a `goto` can enter, a weak constant and a helper that reads state stay live. */
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

#define TRACE_LEVEL 0
static const int verbose = 0;
extern const int tuned __attribute__((weak));
const int tuned = 0;
static int debug_state;

static inline int tracing(void) { return TRACE_LEVEL > 2; }
static inline int traced_at_run_time(void) { return debug_state; }

RTCHECK_REALTIME(audio) void process(float *out, int n) {
  if (0)
    puts("never");
  if (TRACE_LEVEL > 1)
    fprintf(stderr, "block %d\n", n);
  else
    out[0] = 0.0f;
  if (verbose && n > 0)
    puts("verbose");
  int scratch = sizeof(long) < 4 ? (int)(size_t)malloc(16) : 0;
  if (tracing() || n < 0)
    puts("tracing"); // expect: syscall
  if (!tracing())
    out[1] = (float)scratch;
  else
    puts("traced once");
  if (traced_at_run_time())
    puts("traced"); // expect: syscall
  if (tuned)
    puts("tuned"); // expect: syscall
  if (n == 0) {
    goto late;
  }
  if (0) {
  late:
    free(out); // expect: alloc
  }
}
