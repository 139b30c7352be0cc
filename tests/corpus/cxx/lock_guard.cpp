// std::lock_guard<std::mutex>: its constructor locks (may throw) and its destructor unlocks, same line.
#include <mutex>
#include <rtcheck/realtime.h>

std::mutex g_mu;
float g_gain = 1.0f;

RTCHECK_REALTIME(audio) float process() {
  std::lock_guard<std::mutex> guard(g_mu);  // expect: lock
  return g_gain;
}
