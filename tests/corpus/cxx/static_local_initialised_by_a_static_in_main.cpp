// #10 setup order through a static's initialiser: main's `static Oscillator osc;` runs the constructor, which fills the wavetable static, before the SCHED_FIFO thread starts (sfizz's WavetablePool constructor calling every getter); a static whose declaration runs only on some calls of main proves nothing.
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <vector>

struct Table {
  std::vector<float> samples = std::vector<float>(1024, 0.5f); // expect: alloc
};

static const Table &sine() {
  static Table table;
  return table;
}

static const Table &saw() {
  static Table table; // expect: lock
  return table;
}

struct Oscillator {
  Oscillator() { sine(); }
  float tick(unsigned i) const { return sine().samples[i % 1024] + saw().samples[i % 1024]; }
};

static const Oscillator *g_osc;

static void *audio_thread(void *) {
  float sum = 0;
  for (unsigned i = 0; i < 64; ++i)
    sum += g_osc->tick(i);
  return sum > 0 ? nullptr : nullptr;
}

struct SawUser {
  SawUser() { saw(); }
};

int main(int argc, char **) {
  static Oscillator osc;
  g_osc = &osc;
  if (argc > 3) {
    static SawUser user; // runs only on some runs: proves nothing about saw()
  }
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
  pthread_t thread;
  pthread_create(&thread, &attr, audio_thread, nullptr);
  pthread_join(thread, nullptr);
  return 0;
}
