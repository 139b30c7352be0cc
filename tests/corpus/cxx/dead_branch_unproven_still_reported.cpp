// The analysis is path-insensitive: a branch that never runs for a reason only path reasoning shows (contradictory tests of a variable) is still reported; one whose condition the compiler folds (a `static const` flag) is not code at all, and a branch that ends the program, abort(), is not a hazard.
#include <rtcheck/realtime.h>
#include <stdlib.h>

static const bool kDebug = false;

RTCHECK_REALTIME(audio) void process(unsigned n) {
  if (kDebug)
    free(malloc(n));
  if (n > 4 && n < 2)
    free(malloc(n)); // expect: alloc
  if (n > 1000000000u)
    abort();
}
