// memcpy/memset/strlen, math functions and clock_gettime are real-time safe: no findings.
#include <math.h>
#include <rtcheck/realtime.h>
#include <string.h>
#include <time.h>

RTCHECK_REALTIME(audio) float process(float *dst, const float *src, unsigned n, const char *name) {
  memcpy(dst, src, n * sizeof(float));
  memset(dst, 0, sizeof(float));
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return sinf(dst[1]) + sqrtf(static_cast<float>(strlen(name))) + static_cast<float>(now.tv_nsec);
}
