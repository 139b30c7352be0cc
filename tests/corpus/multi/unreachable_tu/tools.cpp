// tools_peak is safe and defined (not unknown); tools_export violates but is only called offline.
#include "tools.h"
#include <stdio.h>
#include <stdlib.h>

float tools_peak(const float *buf, int n) {
  float peak = 0.0f;
  for (int i = 0; i < n; ++i)
    peak = buf[i] > peak ? buf[i] : peak;
  return peak;
}

void tools_export(const float *buf, int n) {
  FILE *f = fopen("/tmp/export.raw", "wb");
  void *copy = malloc(static_cast<unsigned>(n) * sizeof(float));
  fwrite(buf, sizeof(float), static_cast<size_t>(n), f);
  free(copy);
  fclose(f);
}
