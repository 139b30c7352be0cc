// Tracks and the mixing kernel shared by both variants of the audio mixer.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace audio {

// Per-track controls, written by the control thread and read by the audio callback.
// Pan is stored as the two channel gains it implies (computed on the control side), so the
// callback needs no trigonometry. Real-time safety: readers wait-free; setters wait-free.
struct TrackParams {
  static_assert(std::atomic<float>::is_always_lock_free);
  static_assert(std::atomic<bool>::is_always_lock_free);

  std::atomic<float> gain{1.0f};
  std::atomic<float> left{0.70710678f}; // constant-power pan law, centre = -3 dB per side
  std::atomic<float> right{0.70710678f};
  std::atomic<bool> mute{false};
  std::atomic<bool> solo{false};

  // pan in [-1, 1]: -1 hard left, 0 centre, +1 hard right.
  void set_pan(float pan);
};

// One mono track of float PCM at the engine's sample rate.
struct Track {
  std::string name;
  std::vector<float> pcm;
  bool loop = false;
  TrackParams params;
};

// A sine tone of `seconds` at `frequency` Hz and `amplitude`.
std::unique_ptr<Track> make_tone(std::string name, double frequency, double amplitude,
                                 double seconds, unsigned sample_rate);

// A WAV (or any libsndfile-readable) file, mixed down to mono and linearly resampled to
// `sample_rate`. Null with a message on stderr when the file cannot be read.
std::unique_ptr<Track> load_track(const std::string &path, unsigned sample_rate);

// Mixes `frames` frames of `count` tracks starting at `position` into interleaved stereo `out`,
// then applies `master` gain. Soloed tracks, when any, are the only ones heard; muted tracks are
// never heard. Returns the peak absolute sample of the block.
// Real-time safety: wait-free (reads atomics, touches only pre-allocated PCM).
template <class TrackPtr>
float mix_block(const TrackPtr *tracks, size_t count, uint64_t position, float master, float *out,
                unsigned frames) noexcept {
  for (unsigned i = 0; i < 2 * frames; ++i)
    out[i] = 0.0f;
  bool any_solo = false;
  for (size_t t = 0; t < count; ++t)
    any_solo = any_solo || tracks[t]->params.solo.load(std::memory_order_relaxed);
  for (size_t t = 0; t < count; ++t) {
    const Track &track = *tracks[t];
    const TrackParams &p = track.params;
    if (p.mute.load(std::memory_order_relaxed) ||
        (any_solo && !p.solo.load(std::memory_order_relaxed)))
      continue;
    const float gain = p.gain.load(std::memory_order_relaxed);
    const float gl = gain * p.left.load(std::memory_order_relaxed);
    const float gr = gain * p.right.load(std::memory_order_relaxed);
    const size_t length = track.pcm.size();
    if (length == 0)
      continue;
    for (unsigned f = 0; f < frames; ++f) {
      uint64_t index = position + f;
      if (index >= length) {
        if (!track.loop)
          break;
        index %= length;
      }
      const float s = track.pcm[index];
      out[2 * f] += s * gl;
      out[2 * f + 1] += s * gr;
    }
  }
  float peak = 0.0f;
  for (unsigned i = 0; i < 2 * frames; ++i) {
    out[i] *= master;
    const float a = out[i] < 0.0f ? -out[i] : out[i];
    peak = a > peak ? a : peak;
  }
  return peak;
}

} // namespace audio
