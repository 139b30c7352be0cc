// std::scoped_lock over one mutex locks (may throw) and unlocks: lock, exception on the declaration.
#include <mutex>
#include <rtcheck/realtime.h>

std::mutex g_mu;
int g_value;

RTCHECK_REALTIME(audio) int process() {
  std::scoped_lock lock(g_mu);  // expect: lock
  return g_value;
}
