#include "engine.h"

#include <chrono>

#include <portaudio.h>

namespace audio {

MixerEngine::MixerEngine(EngineConfig config)
    : config_(config),
      budget_ns_(uint64_t(config.block_frames) * 1'000'000'000 / config.sample_rate) {
  if (!config_.log)
    config_.log = stderr;
}

void MixerEngine::add_track(std::unique_ptr<Track> track) {
  std::lock_guard<std::mutex> guard(tracks_mutex_);
  tracks_.push_back(std::move(track));
}

Track &MixerEngine::track(size_t i) {
  std::lock_guard<std::mutex> guard(tracks_mutex_);
  return *tracks_[i];
}

size_t MixerEngine::track_count() {
  std::lock_guard<std::mutex> guard(tracks_mutex_);
  return tracks_.size();
}

void MixerEngine::attach(AudioDevice *device, HeadlessDevice *headless) {
  pa_stream_ = device->pa_stream();
  headless_ = headless;
}

// Seed 000 STEP 1 "before": the callback stops the stream it is running in.
void MixerEngine::stop_stream() {
  finished_.store(true);
  if (pa_stream_)
    Pa_StopStream(pa_stream_); // expect: driver
  else if (headless_)
    headless_->request_stop();
}

void MixerEngine::process(float *out, unsigned frames) {
  RTCHECK_SCOPE("audio.mixer", budget_ns_);
  const auto start = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> guard(tracks_mutex_); // expect: lock
    const float peak = mix_block(tracks_.data(), tracks_.size(), position_,
                                 master_.load(std::memory_order_relaxed), out, frames);
    peak_ = peak > peak_ ? peak : peak_;
  }
  position_ += frames;

  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  durations_ms_.push_back(ms); // expect: alloc
  if (durations_ms_.size() > 100)
    durations_ms_.pop_front(); // expect: alloc
  ++callbacks_;
  if (ms * 1e6 > 0.8 * double(budget_ns_))
    ++xruns_;
  const auto count = (unsigned long long)callbacks_;
  std::fprintf(config_.log, "callback %llu: %.4f ms\n", count, ms); // expect: syscall

  if (length_ != 0 && position_ >= length_)
    stop_stream();
}

EngineStats MixerEngine::stats() {
  std::lock_guard<std::mutex> guard(tracks_mutex_);
  EngineStats s;
  s.callbacks = callbacks_;
  s.xruns = xruns_;
  for (double ms : durations_ms_)
    s.recent_ns.push_back(uint32_t(ms * 1e6));
  s.peak = peak_;
  return s;
}

} // namespace audio
