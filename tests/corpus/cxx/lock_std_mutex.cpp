// std::mutex::lock may throw std::system_error (lock, exception); unlock is a lock finding only.
#include <mutex>
#include <rtcheck/realtime.h>

std::mutex g_mu;
int g_shared;

RTCHECK_REALTIME(audio) int process() {
  g_mu.lock();  // expect: lock
  int v = g_shared++;
  g_mu.unlock();  // expect: lock
  return v;
}
