// A virtual call whose overriders are all safe; an unsafe non-overriding method is never called.
#include <rtcheck/realtime.h>
#include <stdio.h>

struct Filter {
  virtual ~Filter() = default;
  virtual float tick(float x) = 0;
  void dump() const { puts("filter"); }
};

struct OnePole : Filter {
  float tick(float x) override { return state = 0.5f * (x + state); }
  float state = 0.0f;
};

struct Bypass : Filter {
  float tick(float x) override { return x; }
};

RTCHECK_REALTIME(audio) float process(Filter &f, float x) {
  return f.tick(x);
}
