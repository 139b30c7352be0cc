#include "pipeline.h"

#include <thread>

#include "rtsample/clock.h"

namespace camera {

bool EventQueue::push(const Event &e) noexcept {
  const int p = int(e.priority);
  Event stamped = e;
  stamped.sequence = sequence_++;
  for (int attempt = 0; attempt <= kRetries[p]; ++attempt) {
    if (rings_[size_t(p)].try_push(stamped)) {
      pushed_[size_t(p)].fetch_add(1, std::memory_order_relaxed);
      return true;
    }
  }
  dropped_[size_t(p)].fetch_add(1, std::memory_order_relaxed);
  return false;
}

bool EventQueue::try_pop(Event &out) noexcept {
  for (size_t p = 0; p < kPriorities; ++p) {
    if (rings_[p].try_pop(out)) {
      delivered_[p].fetch_add(1, std::memory_order_relaxed);
      return true;
    }
  }
  return false;
}

bool EventQueue::pop(Event &out, int timeout_ms) {
  const int64_t deadline = rtsample::now_ns() + int64_t(timeout_ms) * 1'000'000;
  while (!try_pop(out)) {
    if (rtsample::now_ns() >= deadline)
      return false;
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
  return true;
}

QueueStats EventQueue::stats() const {
  QueueStats s;
  for (size_t p = 0; p < kPriorities; ++p) {
    s.pushed[p] = pushed_[p].load(std::memory_order_relaxed);
    s.dropped[p] = dropped_[p].load(std::memory_order_relaxed);
    s.delivered[p] = delivered_[p].load(std::memory_order_relaxed);
  }
  return s;
}

CachedStats SharedState::cached_stats(int64_t ttl_ns) {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  const int64_t now = rtsample::now_ns();
  if (cache_.computed_ns == 0 || now - cache_.computed_ns > ttl_ns) {
    StateSnapshot s;
    if (read(s))
      cache_ = compute_stats(s, now);
  }
  return cache_;
}

Pipeline::Pipeline(PipelineConfig config)
    : config_(config), budget_ns_(uint64_t(1e9 / config.fps)) {
  register_callback(&Pipeline::enqueue, this);
}

bool Pipeline::register_callback(EventFn fn, void *ctx) noexcept {
  const size_t n = callback_count_.load(std::memory_order_relaxed);
  if (n == kMaxCallbacks)
    return false;
  callbacks_[n] = Registration{fn, ctx};
  callback_count_.store(n + 1, std::memory_order_release);
  return true;
}

void Pipeline::enqueue(void *self, const Event &e) noexcept {
  static_cast<Pipeline *>(self)->queue_.push(e);
}

void Pipeline::on_frame(const Frame &frame) noexcept {
  RTCHECK_SCOPE("camera.on_frame", budget_ns_);
  const Analysis a = analyze(frame, previous_);
  previous_ = frame;

  Event events[4];
  const int n = rules_.step(frame.index, a, events);
  const size_t registered = callback_count_.load(std::memory_order_acquire);
  bool alert = false;
  for (int i = 0; i < n; ++i) {
    alert = alert || events[i].type == EventType::Alert;
    events[i].enqueue_ns = rtsample::now_ns();
    for (size_t c = 0; c < registered; ++c)
      callbacks_[c].fn(callbacks_[c].ctx, events[i]);
  }
  last_ = next_state(last_, a, frame.index, alert, rules_.alerting(), rtsample::now_ns());
  state_.update(last_);
}

} // namespace camera
