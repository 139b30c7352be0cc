// Passing a std::vector by value copies it at the call (alloc, may throw) and destroys the copy there.
#include <rtcheck/realtime.h>
#include <vector>

std::vector<float> g_taps(16, 0.0f);

static float first(std::vector<float> taps) { return taps.empty() ? 0.0f : taps[0]; }

RTCHECK_REALTIME(audio) float process() {
  return first(g_taps);  // expect: alloc
}
