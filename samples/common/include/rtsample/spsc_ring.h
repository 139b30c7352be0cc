// Bounded single-producer single-consumer ring of trivially copyable items, storage fixed at
// construction (a template capacity, no heap). Used for the camera's per-priority event queues.
// Real-time safety: try_push() and try_pop() are wait-free.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace rtsample {

template <class T, size_t N> class SpscRing {
  static_assert(std::is_trivially_copyable_v<T>);
  static_assert((N & (N - 1)) == 0, "capacity must be a power of two");
  static_assert(std::atomic<size_t>::is_always_lock_free);

public:
  static constexpr size_t capacity() { return N; }

  // Producer thread only. False when the ring is full (the item is not stored).
  bool try_push(const T &item) noexcept {
    size_t head = head_.load(std::memory_order_relaxed);
    if (head - tail_.load(std::memory_order_acquire) == N)
      return false;
    items_[head & (N - 1)] = item;
    head_.store(head + 1, std::memory_order_release);
    return true;
  }
  // Consumer thread only. False when the ring is empty.
  bool try_pop(T &item) noexcept {
    size_t tail = tail_.load(std::memory_order_relaxed);
    if (tail == head_.load(std::memory_order_acquire))
      return false;
    item = items_[tail & (N - 1)];
    tail_.store(tail + 1, std::memory_order_release);
    return true;
  }
  size_t size() const noexcept {
    return head_.load(std::memory_order_acquire) - tail_.load(std::memory_order_acquire);
  }

private:
  alignas(64) std::atomic<size_t> head_{0};
  alignas(64) std::atomic<size_t> tail_{0};
  std::array<T, N> items_{};
};

} // namespace rtsample
