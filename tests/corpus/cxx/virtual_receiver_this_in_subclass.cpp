// A method of a subclass calling an inherited virtual on `this` (or a reference) reaches the overrides below its own class only, not those of its sibling classes.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <unistd.h>

struct Node {
  virtual ~Node() = default;
  virtual void update() {}
};

struct Voice : Node {
  RTCHECK_REALTIME(audio) void render() { update(); }
};

struct SampledVoice : Voice {
  void update() override {
    usleep(1); // expect: syscall
  }
};

struct Logger : Node {
  void update() override { puts("logger is no Voice"); }
};

RTCHECK_REALTIME(audio) void mix(Voice &v) { v.update(); }

void offline(Node &n) { n.update(); }
