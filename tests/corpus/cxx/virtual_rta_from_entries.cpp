// Rapid type analysis from the program's entries: a class constructed by a global's initialiser has objects (Reverb), one constructed only in code nothing calls has none (Recorder).
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <unistd.h>

struct Effect {
  virtual ~Effect() = default;
  virtual void process(float *buf, int n) = 0;
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

static Effect *make_reverb() { return new Reverb(); }

static Effect *g_effect = make_reverb();

Effect *make_recorder_unused() { return new Recorder(); }

RTCHECK_REALTIME(audio) void render(float *buf, int n) { g_effect->process(buf, n); }

int main() {
  float buf[64] = {};
  render(buf, 64);
  return 0;
}
