// operator[], size(), clear(), data(), begin()/end() on a std::vector never allocate or throw.
#include <rtcheck/realtime.h>
#include <vector>

std::vector<float> g_buf;

RTCHECK_REALTIME(audio) float process() {
  float sum = 0.0f;
  for (unsigned i = 0; i < g_buf.size(); ++i)
    sum += g_buf[i];
  for (float v : g_buf)
    sum += v;
  sum += g_buf.empty() ? 0.0f : *g_buf.data();
  g_buf.clear();
  return sum;
}
