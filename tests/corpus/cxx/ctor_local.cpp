// Constructing a local object runs its user constructor: sites are inside the constructor body.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Scratch {
  explicit Scratch(unsigned n) {
    data = static_cast<float *>(malloc(n * sizeof(float)));  // expect: alloc
  }
  float *data;
};

RTCHECK_REALTIME(audio) float process() {
  Scratch s(64);
  return s.data[0];
}
