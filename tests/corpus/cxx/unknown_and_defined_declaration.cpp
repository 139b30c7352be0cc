// A function declared first and defined later in the same file has a body: not unknown.
#include <opaque.h>
#include <rtcheck/realtime.h>
#include <stdlib.h>

void refill(float *buf);

RTCHECK_REALTIME(audio) void process(float *buf) {
  refill(buf);
  buf[1] = static_cast<float>(corpus_opaque_query());  // expect: unknown
}

void refill(float *buf) {
  buf[0] = 0.0f;
  free(malloc(1));  // expect: alloc
}
