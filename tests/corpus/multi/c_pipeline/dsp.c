/* C: the middle TU; allocates a scratch buffer per call and logs through log.c. */
#include "dsp.h"
#include <stdlib.h>

void dsp_run(float *buf, int n) {
  float *scratch = malloc((size_t)n * sizeof(float)); // expect: alloc
  for (int i = 0; i < n; ++i)
    scratch[i] = buf[i] * 0.5f;
  log_value(scratch[0]);
  free(scratch); // expect: alloc
}
