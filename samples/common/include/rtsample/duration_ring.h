// A pre-allocated ring of the last N durations, written by one real-time thread and read by a
// monitor thread (the seed's "ring buffer of callback durations", without its allocation).
// Slots are relaxed atomics, so a reader racing the writer sees some recent value per slot,
// never a torn one; the statistics it feeds are approximate by design.
// Real-time safety: push() is wait-free; snapshot() allocates (call it off the real-time thread).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

namespace rtsample {

template <size_t N> class DurationRing {
  static_assert(std::atomic<uint64_t>::is_always_lock_free);
  static_assert(std::atomic<uint32_t>::is_always_lock_free);

public:
  void push(uint32_t duration_ns) noexcept {
    uint64_t i = written_.load(std::memory_order_relaxed);
    slots_[i % N].store(duration_ns, std::memory_order_relaxed);
    written_.store(i + 1, std::memory_order_release);
  }
  uint64_t written() const noexcept { return written_.load(std::memory_order_acquire); }
  std::vector<uint32_t> snapshot() const {
    uint64_t n = written();
    std::vector<uint32_t> out;
    out.reserve(n < N ? n : N);
    for (uint64_t i = (n > N ? n - N : 0); i < n; ++i)
      out.push_back(slots_[i % N].load(std::memory_order_relaxed));
    return out;
  }

private:
  std::array<std::atomic<uint32_t>, N> slots_{};
  std::atomic<uint64_t> written_{0};
};

} // namespace rtsample
