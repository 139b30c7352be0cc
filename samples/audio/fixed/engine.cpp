#include "engine.h"

#include <stdexcept>

#include "rtsample/clock.h"

namespace audio {

MixerEngine::MixerEngine(EngineConfig config)
    : config_(config),
      budget_ns_(uint64_t(config.block_frames) * 1'000'000'000 / config.sample_rate) {
  owned_.reserve(kMaxTracks);
}

void MixerEngine::add_track(std::unique_ptr<Track> track) {
  const size_t n = count_.load(std::memory_order_relaxed);
  if (n == kMaxTracks)
    throw std::length_error("too many tracks");
  tracks_[n] = track.get();
  owned_.push_back(std::move(track));
  count_.store(n + 1, std::memory_order_release);
}

void MixerEngine::process(float *out, unsigned frames) noexcept {
  RTCHECK_SCOPE("audio.mixer", budget_ns_);
  const bool monitor = config_.latency_monitor;
  const int64_t start = monitor ? rtsample::now_ns() : 0;

  const uint64_t position = position_.load(std::memory_order_relaxed);
  const float peak = mix_block(tracks_.data(), count_.load(std::memory_order_acquire), position,
                               master_.load(std::memory_order_relaxed), out, frames);
  if (peak > peak_.load(std::memory_order_relaxed))
    peak_.store(peak, std::memory_order_relaxed);
  position_.store(position + frames, std::memory_order_relaxed);
  callbacks_.fetch_add(1, std::memory_order_relaxed);

  const uint64_t length = length_.load(std::memory_order_relaxed);
  if (length != 0 && position + frames >= length)
    finished_.store(true, std::memory_order_release);

  if (monitor) {
    const uint64_t duration = uint64_t(rtsample::now_ns() - start);
    durations_.push(uint32_t(duration));
    if (duration * 10 > budget_ns_ * 8)
      xruns_.fetch_add(1, std::memory_order_relaxed);
  }
}

EngineStats MixerEngine::stats() const {
  EngineStats s;
  s.callbacks = callbacks_.load(std::memory_order_acquire);
  s.xruns = xruns_.load(std::memory_order_relaxed);
  s.recent_ns = durations_.snapshot();
  s.peak = peak_.load(std::memory_order_relaxed);
  return s;
}

} // namespace audio
