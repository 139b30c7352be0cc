// Only the root's chain is reported: tools.cpp's violations are never reached from it.
#include "tools.h"
#include <rtcheck/realtime.h>
#include <stdio.h>

RTCHECK_REALTIME(audio) float audio_callback(const float *buf, int n) {
  float peak = tools_peak(buf, n);
  if (peak > 1.0f)
    puts("clip");  // expect: syscall
  return peak;
}

void on_save(const float *buf, int n) { tools_export(buf, n); }
