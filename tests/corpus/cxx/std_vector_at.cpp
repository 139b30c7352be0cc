// std::vector::at checks its index and may throw std::out_of_range: exception only.
#include <rtcheck/realtime.h>
#include <vector>

std::vector<float> g_gains(8, 1.0f);

RTCHECK_REALTIME(audio) float process(unsigned channel) {
  float checked = g_gains.at(channel);  // expect: exception
  float unchecked = g_gains[channel];
  return checked * unchecked;
}
