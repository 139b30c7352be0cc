// Fixed mixer engine: the "after" of seeds 000/001, done for real. The track list is fixed before
// the stream starts (no lock), the end of the material raises a flag that a control thread acts
// on, and latency monitoring is optional and writes into a pre-allocated ring.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <vector>

#include <rtcheck/realtime.h>

#include "device.h"
#include "rtsample/duration_ring.h"
#include "track.h"

namespace audio {

struct EngineConfig {
  unsigned sample_rate = 48000;
  unsigned block_frames = 128;
  bool latency_monitor = false; // seed 001 STEP 2: off by default, zero cost when off
  FILE *log = nullptr;          // unused: the fixed engine never logs from the callback
};

struct EngineStats {
  uint64_t callbacks = 0;
  uint64_t xruns = 0;              // callbacks over 80 % of the budget (monitor on)
  std::vector<uint32_t> recent_ns; // last durations the engine measured itself (monitor on)
  float peak = 0.0f;               // master-bus peak
};

class MixerEngine {
public:
  static constexpr const char *kVariant = "fixed";
  static constexpr size_t kMaxTracks = 64;
  static constexpr size_t kRingSize = 1024; // ~2.7 s of 128-frame blocks at 48 kHz

  explicit MixerEngine(EngineConfig config);

  // Before start only: the callback reads the list without a lock. Real-time safety: allocates.
  void add_track(std::unique_ptr<Track> track);
  Track &track(size_t i) { return *tracks_[i]; }
  size_t track_count() const { return count_.load(std::memory_order_acquire); }
  void set_length(uint64_t frames) { length_.store(frames, std::memory_order_relaxed); }
  void set_master_gain(float g) { master_.store(g, std::memory_order_relaxed); }

  // The audio callback: mixes one block. Real-time safety: wait-free.
  RTCHECK_REALTIME(audio) void process(float *out, unsigned frames) noexcept;
  static void render(void *self, float *out, unsigned frames) noexcept {
    static_cast<MixerEngine *>(self)->process(out, frames);
  }

  // Raised by the callback when the material has been played; a control thread stops the stream
  // (seed 000 STEP 1). Real-time safety: wait-free.
  bool finished() const noexcept { return finished_.load(std::memory_order_acquire); }
  EngineStats stats() const;

private:
  static_assert(std::atomic<uint64_t>::is_always_lock_free);
  static_assert(std::atomic<float>::is_always_lock_free);

  EngineConfig config_;
  uint64_t budget_ns_;
  std::vector<std::unique_ptr<Track>> owned_;
  std::array<Track *, kMaxTracks> tracks_{};
  std::atomic<size_t> count_{0};
  std::atomic<float> master_{1.0f};
  std::atomic<float> peak_{0.0f};
  std::atomic<uint64_t> position_{0};
  std::atomic<uint64_t> length_{0};
  std::atomic<bool> finished_{false};
  std::atomic<uint64_t> callbacks_{0};
  std::atomic<uint64_t> xruns_{0};
  rtsample::DurationRing<kRingSize> durations_;
};

} // namespace audio
