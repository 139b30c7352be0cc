// Namespace-scope objects with dynamic initialisation are built before main, not in the root: no findings.
#include <rtcheck/realtime.h>
#include <string>
#include <vector>

static std::vector<float> g_table(1024, 0.0f);
static std::string g_name = "a name that is longer than the small string buffer";

RTCHECK_REALTIME(audio) float process(unsigned i) {
  return g_table[i % 1024] + static_cast<float>(g_name[0]);
}
