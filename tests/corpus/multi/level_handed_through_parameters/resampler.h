// A resampler configured through a parameters struct whose debug level the caller fills (Rubber Band's Resampler::Parameters).
#ifndef CORPUS_LEVEL_RESAMPLER_H
#define CORPUS_LEVEL_RESAMPLER_H

namespace levels {

class Resampler {
public:
  struct Parameters {
    int quality;
    int debugLevel;
    Parameters() : quality(1), debugLevel(0) {}
  };
  explicit Resampler(Parameters parameters);
  void resample(int frames);

private:
  class Kernel;
  Kernel *m_kernel;
  const int m_debugLevel;
};

} // namespace levels

#endif
