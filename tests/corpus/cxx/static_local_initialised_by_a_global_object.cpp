// #10 setup order through a global's initialiser: `Engine g_engine;` is built before main, and its pool's constructor fills the wavetable static (sfizz's `sfz::Sfizz synth;`), so the audio thread only reads it; a static that only a branch of another global's initialiser fills stays reported.
#include <pthread.h>
#include <sched.h>
#include <cstdlib>
#include <vector>

struct Table {
  std::vector<float> samples = std::vector<float>(1024, 0.5f); // expect: alloc
};

static const Table &sine() {
  static Table table;
  return table;
}

static const Table &noise() {
  static Table table; // expect: lock
  return table;
}

struct Pool {
  Pool() { sine(); }
};

struct Engine {
  Pool pool;
  float tick(unsigned i) const { return sine().samples[i % 1024] + noise().samples[i % 1024]; }
};

Engine g_engine;
static bool g_noisy = std::getenv("NOISY") != nullptr && noise().samples.size() > 0;

static void *audio_thread(void *) {
  float sum = 0;
  for (unsigned i = 0; i < 64; ++i)
    sum += g_engine.tick(i);
  return sum > 0 ? nullptr : nullptr;
}

int main() {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
  pthread_t thread;
  pthread_create(&thread, &attr, audio_thread, nullptr);
  pthread_join(thread, nullptr);
  return g_noisy ? 1 : 0;
}
