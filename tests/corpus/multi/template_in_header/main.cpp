// The root grows a Ring<float> here and calls into other.cpp, which grows a Ring<int>.
#include "ring.h"
#include <rtcheck/realtime.h>

void other_grow(unsigned n);

Ring<float> g_floats;

RTCHECK_REALTIME(audio) void audio_callback(unsigned n) {
  g_floats.grow(n);
  other_grow(n);
}
