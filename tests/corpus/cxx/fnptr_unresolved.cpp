// A call through a pointer whose type no address-taken function has is an indirect finding.
#include <rtcheck/realtime.h>

typedef float (*Shaper)(float, float);

extern Shaper g_plugin_shaper;
Shaper g_plugin_shaper = nullptr;

RTCHECK_REALTIME(audio) float process(float x) {
  return g_plugin_shaper(x, 0.5f);  // expect: indirect
}
