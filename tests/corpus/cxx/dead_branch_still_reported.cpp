// The analysis is path-insensitive: a call in a branch that never runs is still reported (a branch that ends the program, abort(), is not a hazard at all).
#include <rtcheck/realtime.h>
#include <stdlib.h>

static const bool kDebug = false;

RTCHECK_REALTIME(audio) void process(unsigned n) {
  if (kDebug)
    free(malloc(n));  // expect: alloc
  if (n > 1000000000u)
    abort();
}
