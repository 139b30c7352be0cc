// Legacy camera pipeline: the "before" of seed 003. The frame callback takes the registry lock and
// a 5-second-timeout lock on the shared state, allocates every event, waits on a full queue for up
// to a second, and logs every frame.
#pragma once

#include <condition_variable>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <queue>
#include <string>
#include <vector>

#include <rtcheck/realtime.h>

#include "frame.h"

namespace camera {

// Priority queue of heap-allocated events behind a mutex, with the seed's per-priority blocking.
// Real-time safety: blocking, allocates.
class EventQueue {
public:
  static constexpr size_t kCapacity = 256;

  // Queues `e` (stamped with its enqueue time); when full, waits kBlockMs[priority] for room and
  // then drops it. False when dropped.
  bool push(const Event &e);
  // The most urgent event (FIFO within a priority); false after `timeout_ms` without one.
  bool pop(Event &out, int timeout_ms);
  QueueStats stats();

private:
  struct Entry {
    std::shared_ptr<Event> event;
    bool operator<(const Entry &o) const {
      if (event->priority != o.event->priority)
        return event->priority > o.event->priority; // lower value = more urgent = top
      return event->sequence > o.event->sequence;
    }
  };
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::priority_queue<Entry> heap_;
  uint64_t sequence_ = 0;
  QueueStats stats_;
};

// Shared state with a recursive lock taken with a 5 s timeout, and a statistics cache refreshed
// under the same lock. Real-time safety: blocking, allocates.
class SharedState {
public:
  bool update(const StateSnapshot &next, FILE *log);
  StateSnapshot read();
  CachedStats cached_stats(int64_t ttl_ns);

private:
  std::recursive_timed_mutex mutex_;
  StateSnapshot state_;
  std::vector<float> posture_history_;
  std::map<std::string, double> cache_;
  int64_t cache_ns_ = 0;
};

struct PipelineConfig {
  double fps = 60.0;
  FILE *log = nullptr; // per-frame log; null logs to stderr
};

class Pipeline {
public:
  static constexpr const char *kVariant = "legacy";
  using EventFn = void (*)(void *ctx, const Event &e);

  explicit Pipeline(PipelineConfig config);
  // Real-time safety: blocking, allocates.
  bool register_callback(EventFn fn, void *ctx);

  // The per-frame callback. Real-time safety: blocking, allocates, logs.
  RTCHECK_REALTIME(camera) void on_frame(const Frame &frame);
  static void deliver(void *self, const Frame &frame) {
    static_cast<Pipeline *>(self)->on_frame(frame);
  }

  EventQueue &queue() { return queue_; }
  StateSnapshot state() { return state_.read(); }
  CachedStats cached_stats(int64_t ttl_ns) { return state_.cached_stats(ttl_ns); }

private:
  void dispatch(const Event &e);
  static void enqueue(void *self, const Event &e);

  PipelineConfig config_;
  uint64_t budget_ns_;
  std::mutex registry_mutex_;
  std::vector<std::function<void(const Event &)>> callbacks_;
  EventQueue queue_;
  SharedState state_;
  EventRules rules_;
  Frame previous_;
  StateSnapshot last_;
  uint64_t sequence_ = 0;
};

} // namespace camera
