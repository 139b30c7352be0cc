// The runtime scope macros from realtime.h are trusted and wait-free: no findings in C++.
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(audio) void process(float *buf, int n) {
  RTCHECK_SCOPE("audio.process", 2666666);
  for (int i = 0; i < n; ++i)
    buf[i] *= 0.5f;
}
