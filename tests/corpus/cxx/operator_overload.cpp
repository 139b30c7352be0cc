// A user operator is a call like any other: the site is inside the operator's body.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Signal {
  float *data;
  unsigned n;
};

static Signal operator+(const Signal &a, const Signal &b) {
  Signal out{static_cast<float *>(malloc(a.n * sizeof(float))), a.n};  // expect: alloc
  for (unsigned i = 0; i < a.n; ++i)
    out.data[i] = a.data[i] + b.data[i];
  return out;
}

RTCHECK_REALTIME(audio) float process(const Signal &a, const Signal &b) {
  Signal sum = a + b;
  return sum.data[0];
}
