// Fixed camera pipeline: the "after" of seed 003 done for real. Events are plain values in
// pre-allocated per-priority rings (lock-free, same priority order and drop policy, bounded
// retries instead of waits), the registry is a fixed array published with release/acquire, and the
// shared state is a seqlock; the statistics cache lives on the readers' side.
#pragma once

#include <array>
#include <atomic>
#include <cstdio>
#include <mutex>

#include <rtcheck/realtime.h>

#include "frame.h"
#include "rtsample/seqlock.h"
#include "rtsample/spsc_ring.h"

namespace camera {

// One lock-free ring per priority; the consumer drains them most urgent first.
// Single producer (the frame thread), single consumer (the delivery thread).
class EventQueue {
public:
  static constexpr size_t kCapacity = 256; // per priority

  // Queues `e`; when its ring is full, retries kRetries[priority] times (the consumer may free a
  // slot meanwhile) and then drops it. False when dropped. Real-time safety: lock-free (bounded).
  bool push(const Event &e) noexcept;
  // The most urgent event (FIFO within a priority); polls every 50 us, false after `timeout_ms`.
  // Real-time safety: blocking (consumer side only).
  bool pop(Event &out, int timeout_ms);
  QueueStats stats() const;

private:
  bool try_pop(Event &out) noexcept;
  static_assert(std::atomic<uint64_t>::is_always_lock_free);
  std::array<rtsample::SpscRing<Event, kCapacity>, kPriorities> rings_;
  std::array<std::atomic<uint64_t>, kPriorities> pushed_{}, dropped_{}, delivered_{};
  uint64_t sequence_ = 0;
};

// Shared state behind a seqlock: the frame thread writes without waiting; readers retry a bounded
// number of times. The statistics cache is the readers' business and has its own lock, which the
// frame thread never touches.
class SharedState {
public:
  // Real-time safety: wait-free.
  void update(const StateSnapshot &next) noexcept { seq_.store(next); }
  // Real-time safety: lock-free. False only when every retry raced a write.
  bool read(StateSnapshot &out) const noexcept { return seq_.load(out); }
  // Real-time safety: blocking (reader-side lock).
  CachedStats cached_stats(int64_t ttl_ns);

private:
  rtsample::SeqLock<StateSnapshot> seq_;
  std::mutex cache_mutex_;
  CachedStats cache_;
};

struct PipelineConfig {
  double fps = 60.0;
  FILE *log = nullptr; // unused: the fixed pipeline does not log from the frame path
};

class Pipeline {
public:
  static constexpr const char *kVariant = "fixed";
  static constexpr size_t kMaxCallbacks = 16;
  using EventFn = void (*)(void *ctx, const Event &e);

  explicit Pipeline(PipelineConfig config);
  // From one control thread, before or while frames flow; false when the registry is full.
  // Real-time safety: wait-free.
  bool register_callback(EventFn fn, void *ctx) noexcept;

  // The per-frame callback. Real-time safety: lock-free (bounded queue retries).
  RTCHECK_REALTIME(camera) void on_frame(const Frame &frame) noexcept;
  static void deliver(void *self, const Frame &frame) noexcept {
    static_cast<Pipeline *>(self)->on_frame(frame);
  }

  EventQueue &queue() { return queue_; }
  StateSnapshot state() const {
    StateSnapshot s;
    state_.read(s);
    return s;
  }
  CachedStats cached_stats(int64_t ttl_ns) { return state_.cached_stats(ttl_ns); }

private:
  static void enqueue(void *self, const Event &e) noexcept;
  struct Registration {
    EventFn fn = nullptr;
    void *ctx = nullptr;
  };

  PipelineConfig config_;
  uint64_t budget_ns_;
  std::array<Registration, kMaxCallbacks> callbacks_{};
  std::atomic<size_t> callback_count_{0};
  EventQueue queue_;
  SharedState state_;
  EventRules rules_;
  Frame previous_;
  StateSnapshot last_;
};

} // namespace camera
