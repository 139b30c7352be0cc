/* C: calling a pointer whose type matches no address-taken function is an indirect finding. */
#include <rtcheck/realtime.h>

typedef int (*filter_fn)(const short *samples, int n);

filter_fn g_filter;

RTCHECK_REALTIME(audio) int process(const short *samples, int n) {
  return g_filter(samples, n); // expect: indirect
}
