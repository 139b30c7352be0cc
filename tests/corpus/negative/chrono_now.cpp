// std::chrono::steady_clock::now() and duration arithmetic are safe: no findings.
#include <chrono>
#include <rtcheck/realtime.h>

std::chrono::steady_clock::time_point g_last;

RTCHECK_REALTIME(audio) long long process() {
  auto now = std::chrono::steady_clock::now();
  auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(now - g_last);
  g_last = now;
  return elapsed.count();
}
