#include "wav_writer.h"

#include <cstdio>

namespace audio {

WavWriter::WavWriter(const std::string &path, unsigned sample_rate, unsigned channels) {
  SF_INFO info{};
  info.samplerate = int(sample_rate);
  info.channels = int(channels);
  info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
  file_ = sf_open(path.c_str(), SFM_WRITE, &info);
  if (!file_)
    std::fprintf(stderr, "error: cannot write '%s': %s\n", path.c_str(), sf_strerror(nullptr));
}

WavWriter::~WavWriter() {
  if (file_)
    sf_close(file_);
}

void WavWriter::write(const float *interleaved, unsigned frames) {
  if (file_)
    frames_ += sf_writef_float(file_, interleaved, frames);
}

} // namespace audio
