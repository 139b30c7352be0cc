/* C multi-file case: the root in main.c reaches alloc in dsp.c and syscall in log.c. */
#include "dsp.h"
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(firmware_task) void sensor_task(float *buf, int n) {
  dsp_run(buf, n);
}
