// `delete[] p` (operator delete[]) is an alloc finding on its line.
#include <rtcheck/realtime.h>

float *g_buffer;

RTCHECK_REALTIME(audio) void process() {
  delete[] g_buffer;  // expect: alloc
  g_buffer = nullptr;
}
