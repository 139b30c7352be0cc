// The engine: offline work (configure, study) sits behind members that a real-time construction rules out; a member set from a value the analysis cannot know keeps its test live.
#include "engine.h"

#include <stdio.h>

namespace stretch {

Engine::Engine(int rate, int options, int debugLevel)
    : m_rate(rate), m_options(options), m_realtime(false), m_threaded(false),
      m_mode(JustCreated), m_debugLevel(debugLevel), m_buffer(nullptr) {
  if (m_options & OptionProcessRealTime) {
    m_realtime = true;
  }
  if (!m_realtime && m_rate > 0)
    m_threaded = true;
  configure(1024);
}

void Engine::configure(int n) {
  delete[] m_buffer; // expect: alloc
  m_buffer = new float[n]; // expect: alloc
}

void Engine::reconfigure(int n) {
  if (!m_realtime) {
    configure(n);
    return;
  }
  if (m_threaded)
    fprintf(stderr, "threads in real-time mode\n");
}

void Engine::study(const float *in, int n) {
  m_mode = Studying;
  (void)in;
  (void)n;
}

void Engine::process(const float *in, int n) {
  if (m_mode == Studying)
    fprintf(stderr, "process called while studying\n");
  m_mode = Processing;
  if (m_debugLevel > 0)
    fprintf(stderr, "process %d\n", n); // expect: syscall
  reconfigure(n);
  if (!(m_options & OptionEngineFiner) && n > 4096)
    configure(n); // an oversized block reallocates even in real-time mode
  (void)in;
}

} // namespace stretch
