/* Shared module "plugin": a loadable program of its own. */
#include <rtcheck/realtime.h>
#include <stdlib.h>

RTCHECK_REALTIME(audio) void plugin_run(float *buf, unsigned n) {
  float *scratch = malloc(n * sizeof(float));
  if (scratch)
    buf[0] = scratch[0];
  free(scratch);
}
