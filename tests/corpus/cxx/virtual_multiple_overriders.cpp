// A virtual call reaches every overrider in the program: sites inside each overrider's body.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

struct Effect {
  virtual ~Effect() = default;
  virtual void run(float *buf, int n) {
    (void)buf;
    (void)n;
  }
};

struct Reverb : Effect {
  void run(float *buf, int n) override {
    tail = static_cast<float *>(malloc(static_cast<unsigned>(n) * sizeof(float)));  // expect: alloc
    (void)buf;
  }
  float *tail = nullptr;
};

struct Meter : Effect {
  void run(float *buf, int n) override {
    printf("%f %d\n", buf[0], n);  // expect: syscall
  }
};

struct Gain : Effect {
  void run(float *buf, int n) override {
    for (int i = 0; i < n; ++i)
      buf[i] *= 0.5f;
  }
};

RTCHECK_REALTIME(audio) void process(Effect *fx, float *buf, int n) {
  fx->run(buf, n);
}
