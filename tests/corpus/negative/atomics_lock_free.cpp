// Lock-free std::atomic<int/float/uint64_t> load/store/fetch_add/compare_exchange: no findings.
#include <atomic>
#include <cstdint>
#include <rtcheck/realtime.h>

static_assert(std::atomic<int>::is_always_lock_free);
static_assert(std::atomic<float>::is_always_lock_free);
static_assert(std::atomic<std::uint64_t>::is_always_lock_free);

std::atomic<int> g_state{0};
std::atomic<float> g_gain{1.0f};
std::atomic<std::uint64_t> g_frames{0};

RTCHECK_REALTIME(audio) float process(std::uint64_t n) {
  g_frames.fetch_add(n, std::memory_order_relaxed);
  int expected = 0;
  g_state.compare_exchange_strong(expected, 1);
  g_state.store(2, std::memory_order_release);
  float g = g_gain.load(std::memory_order_acquire);
  g_gain.exchange(g * 0.5f);
  return g + static_cast<float>(g_state.load());
}
