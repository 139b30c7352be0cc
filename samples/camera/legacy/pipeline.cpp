#include "pipeline.h"

#include <chrono>

#include "rtsample/clock.h"

namespace camera {

bool EventQueue::push(const Event &e) {
  std::unique_lock<std::mutex> lock(mutex_); // expect: lock
  const int p = int(e.priority);
  if (heap_.size() >= kCapacity) {
    const auto room = [this] { return heap_.size() < kCapacity; };
    if (kBlockMs[p] == 0 ||
        !not_full_.wait_for(lock, std::chrono::milliseconds(kBlockMs[p]), room)) { // expect: lock
      ++stats_.dropped[p];
      return false;
    }
  }
  auto event = std::make_shared<Event>(e); // expect: alloc
  event->sequence = sequence_++;
  heap_.push(Entry{std::move(event)}); // expect: alloc
  ++stats_.pushed[p];
  not_empty_.notify_one(); // expect: lock
  return true;
}

bool EventQueue::pop(Event &out, int timeout_ms) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!not_empty_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                           [this] { return !heap_.empty(); }))
    return false;
  out = *heap_.top().event;
  heap_.pop();
  ++stats_.delivered[int(out.priority)];
  not_full_.notify_one();
  return true;
}

QueueStats EventQueue::stats() {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

bool SharedState::update(const StateSnapshot &next, FILE *log) {
  if (!mutex_.try_lock_for(std::chrono::seconds(5))) {           // expect: lock
    std::fprintf(log, "warning: shared state lock timed out\n"); // expect: syscall
    return false;
  }
  state_ = next;
  posture_history_.push_back(next.posture); // expect: alloc
  mutex_.unlock();                          // expect: lock
  return true;
}

StateSnapshot SharedState::read() {
  std::lock_guard<std::recursive_timed_mutex> lock(mutex_);
  return state_;
}

CachedStats SharedState::cached_stats(int64_t ttl_ns) {
  std::lock_guard<std::recursive_timed_mutex> lock(mutex_);
  const int64_t now = rtsample::now_ns();
  if (cache_.empty() || now - cache_ns_ > ttl_ns) {
    // Refreshed under the lock the frame path needs: the frame callback waits for this.
    double sum = 0;
    for (float p : posture_history_)
      sum += p;
    const CachedStats c = compute_stats(state_, now);
    cache_["fps"] = c.fps;
    cache_["posture_avg"] = posture_history_.empty() ? 0.0 : sum / double(posture_history_.size());
    cache_["alerts"] = c.alerts;
    cache_["frames"] = double(c.frames);
    cache_ns_ = now;
  }
  CachedStats c;
  c.fps = cache_["fps"];
  c.posture_avg = cache_["posture_avg"];
  c.alerts = uint32_t(cache_["alerts"]);
  c.frames = uint64_t(cache_["frames"]);
  c.computed_ns = cache_ns_;
  return c;
}

Pipeline::Pipeline(PipelineConfig config)
    : config_(config), budget_ns_(uint64_t(1e9 / config.fps)) {
  if (!config_.log)
    config_.log = stderr;
  register_callback(&Pipeline::enqueue, this);
}

bool Pipeline::register_callback(EventFn fn, void *ctx) {
  std::lock_guard<std::mutex> lock(registry_mutex_);
  callbacks_.push_back([fn, ctx](const Event &e) { fn(ctx, e); });
  return true;
}

void Pipeline::enqueue(void *self, const Event &e) {
  static_cast<Pipeline *>(self)->queue_.push(e);
}

void Pipeline::dispatch(const Event &e) {
  std::vector<std::function<void(const Event &)>> callbacks; // expect: alloc
  {
    std::lock_guard<std::mutex> lock(registry_mutex_); // expect: lock
    callbacks = callbacks_;                            // expect: alloc
  }
  for (const auto &callback : callbacks)
    callback(e); // expect: exception
}

void Pipeline::on_frame(const Frame &frame) {
  RTCHECK_SCOPE("camera.on_frame", budget_ns_);
  const Analysis a = analyze(frame, previous_);
  previous_ = frame;

  Event events[4];
  const int n = rules_.step(frame.index, a, events);
  bool alert = false;
  for (int i = 0; i < n; ++i) {
    alert = alert || events[i].type == EventType::Alert;
    events[i].sequence = sequence_++;
    events[i].enqueue_ns = rtsample::now_ns();
    dispatch(events[i]);
  }
  last_ = next_state(last_, a, frame.index, alert, rules_.alerting(), rtsample::now_ns());
  state_.update(last_, config_.log);
  std::fprintf(config_.log, "frame %llu: motion %.2f posture %.3f events %d\n", // expect: syscall
               (unsigned long long)frame.index, a.motion, a.posture, n);
}

} // namespace camera
