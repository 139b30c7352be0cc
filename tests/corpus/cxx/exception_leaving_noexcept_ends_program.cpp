// An exception that would leave a noexcept function ends the program (std::terminate): libstdc++'s `~unique_lock` calls `unlock()`, whose `system_error` throw for a lock not owned can only leave the destructor, so a try-lock on the program's own spin lock reports nothing (sfizz's `unique_lock<SpinMutex>`); a throw that a handler inside a noexcept function catches stays reported.
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <vector>
#include <rtcheck/realtime.h>

class SpinMutex {
public:
  bool try_lock() { return !flag.test_and_set(std::memory_order_acquire); }
  void lock() {
    while (!try_lock()) {
    }
  }
  void unlock() { flag.clear(std::memory_order_release); }

private:
  std::atomic_flag flag = ATOMIC_FLAG_INIT;
};

static SpinMutex g_mutex;
static std::vector<float> g_pending;
static int g_dropped;

static void check_frames(int frames) {
  if (frames < 0)
    throw std::invalid_argument("negative frame count"); // expect: exception, alloc, unknown
}

static void checked(int frames) noexcept {
  try {
    check_frames(frames);
  } catch (const std::exception &) {
    ++g_dropped;
  }
}

RTCHECK_REALTIME(audio) void process(float *buffer, int frames) {
  std::unique_lock<SpinMutex> lock(g_mutex, std::try_to_lock);
  if (lock.owns_lock() && !g_pending.empty())
    buffer[0] = g_pending.back();
  checked(frames);
}
