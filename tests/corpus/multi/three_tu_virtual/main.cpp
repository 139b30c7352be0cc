// The root calls engine_render (engine.cpp), which calls a virtual method overridden in impl.cpp.
#include "base.h"
#include <rtcheck/realtime.h>

Processor *g_processor;

RTCHECK_REALTIME(audio) void audio_callback(float *buf, int n) {
  engine_render(g_processor, buf, n);
}
