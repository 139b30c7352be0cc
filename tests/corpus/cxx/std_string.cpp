// std::string construction from a long literal and growth allocate and may throw length_error.
#include <rtcheck/realtime.h>
#include <string>

std::string g_status;

RTCHECK_REALTIME(audio) unsigned process(char c) {
  std::string label("a label that is far longer than the small buffer");  // expect: alloc
  g_status += c;  // expect: alloc
  return static_cast<unsigned>(label.size() + g_status.size());
}
