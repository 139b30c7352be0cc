// The engine of a bundled time-stretcher (Rubber Band's R2Stretcher shape): run-mode members its constructor fixes from an options argument.
#ifndef CORPUS_MODE_MEMBER_ENGINE_H
#define CORPUS_MODE_MEMBER_ENGINE_H

#include "stretcher.h"

namespace stretch {

class Engine {
public:
  Engine(int rate, int options, int debugLevel);
  void process(const float *in, int n);
  void study(const float *in, int n);

private:
  void reconfigure(int n);
  void configure(int n);
  enum Mode { JustCreated, Studying, Processing };
  int m_rate;
  int m_options;
  bool m_realtime;
  bool m_threaded;
  Mode m_mode;
  int m_debugLevel;
  float *m_buffer;
};

} // namespace stretch

#endif
