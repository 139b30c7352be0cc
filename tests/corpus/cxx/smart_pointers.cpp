// make_shared/make_unique allocate, and the smart pointers' destructors free, on the declaration line.
#include <memory>
#include <rtcheck/realtime.h>

struct Preset {
  float gain = 1.0f;
};

RTCHECK_REALTIME(audio) float process() {
  std::unique_ptr<Preset> a = std::make_unique<Preset>();  // expect: alloc
  std::shared_ptr<Preset> b = std::make_shared<Preset>();  // expect: alloc
  return a->gain + b->gain;
}
