// Calling a std::function reaches every callable stored in one of that signature; the call may throw.
#include <functional>
#include <rtcheck/realtime.h>
#include <stdlib.h>

static void release(void *p) {
  free(p);  // expect: alloc
}

std::function<void(void *)> g_deleter;

void configure() { g_deleter = release; }

RTCHECK_REALTIME(audio) void process(void *p) {
  g_deleter(p);  // expect: exception
}
