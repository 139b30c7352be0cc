// std::array and std::sort/min/max on it are allocation-free: no findings.
#include <algorithm>
#include <array>
#include <rtcheck/realtime.h>

std::array<int, 16> g_notes{};

RTCHECK_REALTIME(audio) int process() {
  std::array<int, 16> local = g_notes;
  std::sort(local.begin(), local.end());
  std::sort(g_notes.begin(), g_notes.end(), [](int a, int b) { return a > b; });
  return std::max(local[0], local[15]) + static_cast<int>(local.size());
}
