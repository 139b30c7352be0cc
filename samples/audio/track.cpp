#include "track.h"

#include <cmath>
#include <cstdio>
#include <numbers>

#include <sndfile.h>

namespace audio {

void TrackParams::set_pan(float pan) {
  pan = std::fmax(-1.0f, std::fmin(1.0f, pan));
  const float angle = (pan + 1.0f) * float(std::numbers::pi / 4.0);
  left.store(std::cos(angle), std::memory_order_relaxed);
  right.store(std::sin(angle), std::memory_order_relaxed);
}

std::unique_ptr<Track> make_tone(std::string name, double frequency, double amplitude,
                                 double seconds, unsigned sample_rate) {
  auto track = std::make_unique<Track>();
  track->name = std::move(name);
  track->pcm.resize(size_t(seconds * sample_rate));
  const double step = 2.0 * std::numbers::pi * frequency / sample_rate;
  for (size_t i = 0; i < track->pcm.size(); ++i)
    track->pcm[i] = float(amplitude * std::sin(step * double(i)));
  return track;
}

std::unique_ptr<Track> load_track(const std::string &path, unsigned sample_rate) {
  SF_INFO info{};
  SNDFILE *file = sf_open(path.c_str(), SFM_READ, &info);
  if (!file) {
    std::fprintf(stderr, "error: cannot read '%s': %s\n", path.c_str(), sf_strerror(nullptr));
    return nullptr;
  }
  std::vector<float> interleaved(size_t(info.frames) * size_t(info.channels));
  const sf_count_t got = sf_readf_float(file, interleaved.data(), info.frames);
  sf_close(file);

  std::vector<float> mono(static_cast<size_t>(got > 0 ? got : 0));
  for (size_t f = 0; f < mono.size(); ++f) {
    float sum = 0.0f;
    for (int c = 0; c < info.channels; ++c)
      sum += interleaved[f * size_t(info.channels) + size_t(c)];
    mono[f] = sum / float(info.channels);
  }

  auto track = std::make_unique<Track>();
  track->name = path;
  if (unsigned(info.samplerate) == sample_rate || mono.empty()) {
    track->pcm = std::move(mono);
    return track;
  }
  // Linear resampling: adequate for a test fixture, not for mastering.
  const double ratio = double(info.samplerate) / sample_rate;
  track->pcm.resize(size_t(double(mono.size()) / ratio));
  for (size_t i = 0; i < track->pcm.size(); ++i) {
    const double x = double(i) * ratio;
    const size_t i0 = size_t(x);
    const size_t i1 = i0 + 1 < mono.size() ? i0 + 1 : i0;
    const float frac = float(x - double(i0));
    track->pcm[i] = mono[i0] + (mono[i1] - mono[i0]) * frac;
  }
  return track;
}

} // namespace audio
