// Legacy mixer engine: the "before" of seeds 000/001. The callback locks the track list, times
// itself unconditionally into a growing deque, logs every block, and stops the stream itself.
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include <rtcheck/realtime.h>

#include "device.h"
#include "track.h"

namespace audio {

struct EngineConfig {
  unsigned sample_rate = 48000;
  unsigned block_frames = 128;
  bool latency_monitor = false; // ignored: the legacy engine always measures
  FILE *log = nullptr;          // per-callback log; null logs to stderr
};

struct EngineStats {
  uint64_t callbacks = 0;
  uint64_t xruns = 0;              // callbacks over 80 % of the budget
  std::vector<uint32_t> recent_ns; // last durations the engine measured itself
  float peak = 0.0f;               // master-bus peak
};

class MixerEngine {
public:
  static constexpr const char *kVariant = "legacy";
  explicit MixerEngine(EngineConfig config);

  // Real-time safety: blocking (takes the track-list mutex), allocates.
  void add_track(std::unique_ptr<Track> track);
  Track &track(size_t i);
  size_t track_count();
  void set_length(uint64_t frames) { length_ = frames; }
  void set_master_gain(float g) { master_.store(g); }
  // The device the callback will stop when the material ends.
  void attach(AudioDevice *device, HeadlessDevice *headless);

  // The audio callback: mixes one block. Real-time safety: blocking, allocates, logs.
  RTCHECK_REALTIME(audio) void process(float *out, unsigned frames);
  static void render(void *self, float *out, unsigned frames) {
    static_cast<MixerEngine *>(self)->process(out, frames);
  }

  bool finished() const { return finished_.load(); }
  EngineStats stats();

private:
  void stop_stream();

  EngineConfig config_;
  uint64_t budget_ns_;
  std::mutex tracks_mutex_;
  std::vector<std::unique_ptr<Track>> tracks_;
  std::atomic<float> master_{1.0f};
  uint64_t position_ = 0;
  uint64_t length_ = 0;
  std::atomic<bool> finished_{false};
  std::deque<double> durations_ms_;
  uint64_t callbacks_ = 0;
  uint64_t xruns_ = 0;
  float peak_ = 0.0f;
  PaStream *pa_stream_ = nullptr;
  HeadlessDevice *headless_ = nullptr;
};

} // namespace audio
