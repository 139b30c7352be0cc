// std::unique_lock and std::condition_variable operations are lock findings (lock may throw).
#include <condition_variable>
#include <mutex>
#include <rtcheck/realtime.h>

std::mutex g_mu;
std::condition_variable g_cv;
bool g_ready;

RTCHECK_REALTIME(audio) void process() {
  std::unique_lock<std::mutex> lk(g_mu);  // expect: lock
  g_ready = true;
  g_cv.notify_one();  // expect: lock
}
