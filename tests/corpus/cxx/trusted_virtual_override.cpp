// A trusted overrider is not looked into; the other overrider of the same call is still reported.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Sink {
  virtual ~Sink() = default;
  virtual void put(float v) = 0;
};

struct RingSink : Sink {
  RTCHECK_TRUSTED("lock-free ring; the malloc is the cold overflow path, measured never to run")
  void put(float v) override {
    if (v != v)
      free(malloc(1));
  }
};

struct GrowingSink : Sink {
  void put(float v) override {
    data = static_cast<float *>(realloc(data, sizeof(float) * ++n));  // expect: alloc
    data[n - 1] = v;
  }
  float *data = nullptr;
  unsigned n = 0;
};

RTCHECK_REALTIME(audio) void process(Sink &s, float v) {
  s.put(v);
}
