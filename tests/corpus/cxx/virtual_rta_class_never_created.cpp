// Rapid type analysis: a virtual call reaches the overrides of the classes the program creates objects of (here Gain and Reverb), not the override of a class it never creates (Recorder).
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <unistd.h>

struct Effect {
  virtual ~Effect() = default;
  virtual void process(float *buf, int n) = 0;
};

struct Gain : Effect {
  void process(float *buf, int n) override {
    for (int i = 0; i < n; ++i)
      buf[i] *= 0.5f;
  }
};

struct Reverb : Effect {
  void process(float *buf, int n) override {
    (void)buf, (void)n;
    usleep(1); // expect: syscall
  }
};

struct Recorder : Effect {
  void process(float *buf, int n) override { fwrite(buf, sizeof(float), n, stdout); }
};

static Gain g_gain;
static Effect *g_chain[2] = {&g_gain, nullptr};

void setup() { g_chain[1] = new Reverb(); }

RTCHECK_REALTIME(audio) void render(float *buf, int n) {
  for (Effect *e : g_chain)
    if (e)
      e->process(buf, n);
}
