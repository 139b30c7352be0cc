// A local std::vector's destructor (system header) frees: the site is the variable's declaration line.
#include <rtcheck/realtime.h>
#include <vector>

std::vector<float> make_buffer();

std::vector<float> make_buffer() { return {}; }

RTCHECK_REALTIME(audio) float process() {
  std::vector<float> buffer = make_buffer();  // expect: alloc
  return buffer.empty() ? 0.0f : buffer[0];
}
