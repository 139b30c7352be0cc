/* #10 parameters across TUs: a call through apply()'s parameter reaches what its callers pass (a filter chosen by pick_filter()), not every float (*)(float) of the program. */
#include "dsp.h"
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(audio) void process(float *buf, int n, int steep) {
  apply(pick_filter(steep), buf, n);
}
