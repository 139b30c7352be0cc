// `new T[n]` (operator new[]) is an alloc finding on its line, for scalar and class element types.
#include <rtcheck/realtime.h>

struct Sample {
  float left = 0.0f;
  float right = 0.0f;
};

float *g_buffer;
Sample *g_frames;

RTCHECK_REALTIME(audio) void process(int frames) {
  g_buffer = new float[256];  // expect: alloc
  g_frames = new Sample[frames];  // expect: alloc
}
