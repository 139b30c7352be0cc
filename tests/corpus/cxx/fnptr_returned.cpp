// Calling the pointer a function returns is an indirect call resolved by type like any other.
#include <rtcheck/realtime.h>
#include <stdlib.h>

using Op = void (*)(void *);

static void op_free(void *p) {
  free(p);  // expect: alloc
}

static void op_keep(void *) {}

static Op pick(bool release) { return release ? op_free : op_keep; }

RTCHECK_REALTIME(audio) void process(void *p, bool release) {
  pick(release)(p);
}
