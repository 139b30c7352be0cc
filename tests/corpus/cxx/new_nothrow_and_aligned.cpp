// nothrow new and over-aligned new still call an operator new: alloc on their lines.
#include <new>
#include <rtcheck/realtime.h>

struct alignas(64) CacheLine {
  float lanes[16];
};

int *g_int;
CacheLine *g_line;

RTCHECK_REALTIME(audio) void process() {
  g_int = new (std::nothrow) int(1);  // expect: alloc
  g_line = new CacheLine;  // expect: alloc
  delete g_line;  // expect: alloc
}
