// std::mutex::try_lock is noexcept but still a lock operation; unlock as well.
#include <mutex>
#include <rtcheck/realtime.h>

std::mutex g_mu;
int g_value;

RTCHECK_REALTIME(audio) int process() {
  if (!g_mu.try_lock())  // expect: lock
    return -1;
  int v = g_value;
  g_mu.unlock();  // expect: lock
  return v;
}
