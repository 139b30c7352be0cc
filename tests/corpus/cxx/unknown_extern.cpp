// A call to a function with no body in the analysed files and no rule is an unknown finding.
#include <opaque.h>
#include <rtcheck/realtime.h>

extern void vendor_mix(float *buf, int n);

RTCHECK_REALTIME(audio) void process(float *buf, int n) {
  vendor_mix(buf, n);  // expect: unknown
  corpus_opaque(n);  // expect: unknown
}
