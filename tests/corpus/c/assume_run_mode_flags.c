/* assume facts: a run-mode global and a struct member with an assumed value prune the branches they decide; a flag without a fact, or a branch the fact does not decide, is still followed. */
// rtcheck-args: --assume verbose=0 --assume engine::realtime_mode=1
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

int verbose;
int debug;

struct engine {
  int realtime_mode;
  float *scratch;
};

RTCHECK_REALTIME(audio) void process(struct engine *e, int n) {
  if (verbose)
    printf("process %d\n", n);
  if (debug)
    printf("debug %d\n", n); // expect: syscall
  if (!e->realtime_mode)
    e->scratch = malloc(n * sizeof(float));
  if (e->realtime_mode || verbose)
    e->scratch[0] = 0;
  if (n > 4096 || verbose)
    puts("large block"); // expect: syscall
}
