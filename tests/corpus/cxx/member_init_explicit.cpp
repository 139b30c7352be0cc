// An explicit constructor member initializer reports on the initializer's own line.
#include <new>
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Delay {
  explicit Delay(unsigned n)
      : size(n),
        line(static_cast<float *>(calloc(n, sizeof(float)))),  // expect: alloc
        pos(0) {}
  unsigned size;
  float *line;
  unsigned pos;
};

alignas(Delay) unsigned char g_storage[sizeof(Delay)];
Delay *g_delay;

RTCHECK_REALTIME(audio) void process() {
  g_delay = new (g_storage) Delay(128);
}
