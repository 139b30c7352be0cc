// The resampler keeps the level it is given, and hands it to its kernel as a constructor argument.
#include "resampler.h"

#include <stdio.h>

namespace levels {

class Resampler::Kernel {
public:
  Kernel(int quality, int level) : m_quality(quality), m_level(level) {}
  void run(int frames) {
    if (m_level > 1)
      fprintf(stderr, "kernel %d: %d frames\n", m_quality, frames);
  }

private:
  int m_quality;
  int m_level;
};

Resampler::Resampler(Parameters parameters)
    : m_kernel(new Kernel(parameters.quality, parameters.debugLevel)),
      m_debugLevel(parameters.debugLevel) {}

void Resampler::resample(int frames) {
  if (m_debugLevel > 0)
    fprintf(stderr, "resampling %d frames\n", frames);
  m_kernel->run(frames);
}

} // namespace levels
