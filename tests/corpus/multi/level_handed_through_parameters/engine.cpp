// Debug levels handed from member to member: the engine logs at level 1 through a logger that prints only up to its level (0), counts the logger's level down for its resamplers, and its threading flag set in a nested block is replaced in real-time mode before anything reads it; none of the level tests can pass, so only the tests that read values the analysis cannot know stay reported.
#include "log.h"
#include "resampler.h"

#include <pthread.h>
#include <stdio.h>
#include <rtcheck/realtime.h>

#include "opaque.h"

namespace levels {

class Engine {
public:
  Engine(const Log &log, int channels, bool realtime)
      : m_log(log), m_realtime(realtime), m_threaded(false), m_a(nullptr), m_b(nullptr) {
    if (channels > 1) {
      m_threaded = true;
      if (m_realtime) {
        m_threaded = false;
      } else if (corpus_opaque_query()) {
        m_threaded = false;
      }
    }
    int debug = m_log.level();
    if (debug > 0)
      --debug;
    Resampler::Parameters a;
    a.debugLevel = debug;
    m_a = new Resampler(a);
    int mine = m_log.level();
    Resampler::Parameters b;
    b.debugLevel = (mine > 0 ? mine - 1 : 0);
    m_b = new Resampler(b);
  }

  void process(int frames) {
    if (m_log.level() > 2)
      fprintf(stderr, "process %d\n", frames);
    m_log.log(1, "processing");
    if (m_threaded)
      pthread_mutex_lock(&m_lock);
    m_a->resample(frames);
    m_b->resample(frames);
    if (m_trace.m_on || Trace::s_verbose)
      fprintf(stderr, "trace\n"); // expect: syscall
  }

  Trace m_trace;

private:
  Log m_log;
  bool m_realtime;
  bool m_threaded;
  Resampler *m_a, *m_b;
  pthread_mutex_t m_lock = PTHREAD_MUTEX_INITIALIZER;
};

static Engine *g_engine;

RTCHECK_REALTIME(audio) void run_plugin(int frames) { g_engine->process(frames); }

} // namespace levels

int main() {
  levels::Log log;
  log.log(0, "starting");
  levels::g_engine = new levels::Engine(log, 2, true);
  levels::g_engine->m_trace.m_on = corpus_opaque_query();
  levels::run_plugin(64);
  return 0;
}
