// A static local of a class with a non-constexpr user constructor: guard (lock) on the declaration
// line, and the constructor's own sites inside its body.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Wavetable {
  Wavetable() {
    samples = static_cast<float *>(malloc(2048 * sizeof(float)));  // expect: alloc
  }
  float *samples;
};

RTCHECK_REALTIME(audio) float process(unsigned i) {
  static Wavetable table;  // expect: lock
  return table.samples[i % 2048];
}
