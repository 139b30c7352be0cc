// A suppression applies to the finding's site line only: allowing the call of a helper in the root
// does not hide the site inside the helper.
#include <rtcheck/realtime.h>
#include <stdlib.h>

static void *acquire(unsigned n) {
  return malloc(n);  // expect: alloc
}

RTCHECK_REALTIME(audio) void *process(unsigned n) {
  return acquire(n); // rtcheck-allow(alloc): does not reach into acquire()
}
