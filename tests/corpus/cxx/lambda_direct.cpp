// A lambda called by the root is followed: sites are inside the lambda body.
#include <rtcheck/realtime.h>
#include <stdlib.h>

void *g_slot;

RTCHECK_REALTIME(audio) void process(unsigned n) {
  auto acquire = [](unsigned bytes) {
    return malloc(bytes);  // expect: alloc
  };
  g_slot = acquire(n);
  [&] {
    free(g_slot);  // expect: alloc
  }();
}
