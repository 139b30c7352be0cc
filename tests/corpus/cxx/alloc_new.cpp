// `new T` in a root is an alloc finding on the new-expression's line.
#include <rtcheck/realtime.h>

struct Voice {
  float phase = 0.0f;
};

Voice *g_voice;
int *g_counter;

RTCHECK_REALTIME(audio) void process() {
  g_voice = new Voice;  // expect: alloc
  g_counter = new int(3);  // expect: alloc
}
