// C++: a body-less [[clang::nonblocking]] declaration is trusted as a promise (a note says so); a [[clang::blocking]] callee is a finding even with a harmless body.
#include <rtcheck/realtime.h>

void dsp_kernel(float *buf, int n) [[clang::nonblocking]]; // defined in a prebuilt library
void unknown_helper(float *buf, int n);

void wait_for_worker() [[clang::blocking]];
void wait_for_worker() {}

RTCHECK_REALTIME(audio) void process(float *buf, int n) {
  dsp_kernel(buf, n);
  unknown_helper(buf, n); // expect: unknown
  wait_for_worker(); // expect: lock
}
