// `delete p` of a trivially destructible type is an alloc finding (operator delete) on its line.
#include <rtcheck/realtime.h>

int *g_scratch;

RTCHECK_REALTIME(audio) void process() {
  delete g_scratch;  // expect: alloc
  g_scratch = nullptr;
}
