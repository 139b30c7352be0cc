// Frames, the per-frame analysis and the events the camera pipeline delivers (seed 003).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

namespace camera {

constexpr int kWidth = 160;
constexpr int kHeight = 120;

struct Frame {
  uint64_t index = 0;
  int64_t capture_ns = 0; // CLOCK_MONOTONIC time the frame was captured
  std::array<uint8_t, kWidth * kHeight> luma{};
};

// The cheap analysis the seed's CV pipeline runs per frame.
struct Analysis {
  float motion = 0;  // mean absolute luma difference to the previous frame, 0..255
  float posture = 0; // vertical centroid of the bright region, 0 (top) .. 1 (bottom); "slouch"
  bool subject = false;
};

// Real-time safety: wait-free (bounded loops over one frame).
inline Analysis analyze(const Frame &frame, const Frame &previous) noexcept {
  Analysis a;
  uint64_t diff = 0, bright = 0, weighted_y = 0;
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      const int i = y * kWidth + x;
      const int d = int(frame.luma[i]) - int(previous.luma[i]);
      diff += uint64_t(d < 0 ? -d : d);
      if (frame.luma[i] > 160) {
        ++bright;
        weighted_y += uint64_t(y);
      }
    }
  }
  a.motion = float(diff) / float(kWidth * kHeight);
  a.subject = bright > 50 && bright < uint64_t(kWidth * kHeight / 4); // not a covered lens
  a.posture = a.subject ? float(weighted_y) / float(bright) / float(kHeight - 1) : 0.0f;
  return a;
}

enum class Priority : uint8_t { Critical = 0, High = 1, Normal = 2, Low = 3 };
constexpr int kPriorities = 4;
const char *priority_name(Priority p);

enum class EventType : uint8_t {
  Alert,
  Error,
  StatusChange,
  CameraState,
  Correction,
  PostureUpdate
};
const char *event_type_name(EventType t);

// The seed's priority for each event type.
constexpr Priority priority_of(EventType t) {
  switch (t) {
  case EventType::Alert:
  case EventType::Error:
    return Priority::Critical;
  case EventType::StatusChange:
  case EventType::CameraState:
    return Priority::High;
  case EventType::Correction:
    return Priority::Normal;
  case EventType::PostureUpdate:
    return Priority::Low;
  }
  return Priority::Low;
}

// One event, plain data: fits a pre-allocated slot.
struct Event {
  EventType type = EventType::PostureUpdate;
  Priority priority = Priority::Low;
  uint64_t frame = 0;
  float value = 0;
  int64_t enqueue_ns = 0; // when the producer queued it; delivery latency = receive - enqueue
  uint64_t sequence = 0;  // producer's running number (FIFO order within a priority)
};

// The seed's queue-full policy: CRITICAL waits up to 1 s, HIGH and NORMAL 0.5 s, LOW never
// waits (it is dropped). The legacy queue waits that long; the fixed queue cannot wait in a frame
// callback and keeps the ranking as a bounded number of retries instead.
constexpr int kBlockMs[kPriorities] = {1000, 500, 500, 0};
constexpr int kRetries[kPriorities] = {64, 16, 16, 0};

// Decides which events a frame raises. Shared by both variants so they emit the same stream.
// Real-time safety: wait-free.
class EventRules {
public:
  static constexpr float kSlouch = 0.62f;      // posture above this is bad
  static constexpr int kAlertFrames = 15;      // bad for this many frames -> alert
  static constexpr float kMotionSpike = 40.0f; // camera glitch / occlusion

  // Writes up to 4 events for `a` into `out`, returns how many.
  bool alerting() const noexcept { return alerting_; }

  int step(uint64_t frame, const Analysis &a, Event *out) noexcept {
    int n = 0;
    out[n++] = make(EventType::PostureUpdate, frame, a.posture);
    if (a.subject) { // frames without a subject (lens covered) neither start nor end an alert
      const bool bad = a.posture > kSlouch;
      bad_frames_ = bad ? bad_frames_ + 1 : 0;
      if (bad_frames_ == kAlertFrames) {
        alerting_ = true;
        out[n++] = make(EventType::Alert, frame, a.posture);
      }
      if (!bad && alerting_) {
        alerting_ = false;
        out[n++] = make(EventType::Correction, frame, a.posture);
      }
    }
    const bool spike = a.motion > kMotionSpike;
    if (spike != in_spike_) {
      in_spike_ = spike;
      out[n++] = make(EventType::CameraState, frame, a.motion);
    }
    return n;
  }

private:
  static Event make(EventType t, uint64_t frame, float value) noexcept {
    Event e;
    e.type = t;
    e.priority = priority_of(t);
    e.frame = frame;
    e.value = value;
    return e;
  }
  int bad_frames_ = 0;
  bool alerting_ = false;
  bool in_spike_ = false;
};

// Shared pipeline state (the seed's SharedState): what the UI and the stats reader see.
struct StateSnapshot {
  uint64_t frames = 0;
  float motion = 0;
  float posture = 0;
  float posture_avg = 0; // exponential moving average, ~1 s at 60 fps
  uint32_t alerts = 0;
  uint8_t alerting = 0;
  int64_t updated_ns = 0;
  int64_t first_ns = 0;
  // Redundant copy for torn-read detection in tests: always frames * 2 + 1.
  uint64_t check = 1;
};

} // namespace camera

namespace camera {

// The statistics cache both variants keep for readers (the seed's 60-second-TTL cache).
struct CachedStats {
  double fps = 0;
  double posture_avg = 0;
  uint32_t alerts = 0;
  uint64_t frames = 0;
  int64_t computed_ns = 0;
};

// Counters of one event queue, by priority.
struct QueueStats {
  uint64_t pushed[kPriorities] = {};
  uint64_t dropped[kPriorities] = {};
  uint64_t delivered[kPriorities] = {};
};

inline StateSnapshot next_state(const StateSnapshot &prev, const Analysis &a, uint64_t frame,
                                bool alert, bool alerting, int64_t now_ns) noexcept {
  StateSnapshot s = prev;
  s.frames = frame + 1;
  s.motion = a.motion;
  s.posture = a.posture;
  s.posture_avg =
      prev.frames == 0 ? a.posture : prev.posture_avg + (a.posture - prev.posture_avg) / 60.0f;
  s.alerts = prev.alerts + (alert ? 1u : 0u);
  s.alerting = alerting ? 1 : 0;
  s.updated_ns = now_ns;
  s.first_ns = prev.frames == 0 ? now_ns : prev.first_ns;
  s.check = s.frames * 2 + 1;
  return s;
}

inline CachedStats compute_stats(const StateSnapshot &s, int64_t now_ns) noexcept {
  CachedStats c;
  c.frames = s.frames;
  c.alerts = s.alerts;
  c.posture_avg = s.posture_avg;
  const int64_t span = s.updated_ns - s.first_ns;
  c.fps = span > 0 && s.frames > 1 ? double(s.frames - 1) * 1e9 / double(span) : 0.0;
  c.computed_ns = now_ns;
  return c;
}

} // namespace camera
