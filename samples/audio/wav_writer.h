// Writes interleaved float blocks to a WAV file (32-bit float) through libsndfile.
// Real-time safety: blocking (file I/O). The headless device calls it outside the callback.
#pragma once

#include <string>

#include <sndfile.h>

namespace audio {

class WavWriter {
public:
  WavWriter(const std::string &path, unsigned sample_rate, unsigned channels);
  ~WavWriter();
  WavWriter(const WavWriter &) = delete;
  WavWriter &operator=(const WavWriter &) = delete;

  bool ok() const { return file_ != nullptr; }
  void write(const float *interleaved, unsigned frames);
  long long frames_written() const { return frames_; }

private:
  SNDFILE *file_ = nullptr;
  long long frames_ = 0;
};

} // namespace audio
