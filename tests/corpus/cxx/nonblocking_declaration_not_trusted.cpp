// C++: with --no-nonblocking-promises a body-less [[clang::nonblocking]] declaration is checked like any declaration without a body (unknown).
// rtcheck-args: --no-nonblocking-promises
#include <rtcheck/realtime.h>

void dsp_kernel(float *buf, int n) [[clang::nonblocking]];

RTCHECK_REALTIME(audio) void process(float *buf, int n) {
  dsp_kernel(buf, n); // expect: unknown
}
