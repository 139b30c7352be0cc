/* C: string/memory and math functions in a root are safe: no findings. */
#include <math.h>
#include <rtcheck/realtime.h>
#include <string.h>

RTCHECK_REALTIME(audio) float process(float *dst, const float *src, size_t n) {
  memmove(dst, src, n * sizeof(float));
  return fabsf(dst[0]) + cosf(dst[1]);
}
