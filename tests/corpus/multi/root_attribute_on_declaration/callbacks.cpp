// on_buffer is a root through its header declaration; on_idle is not.
#include "callbacks.h"
#include <stdlib.h>

void on_buffer(float *buf, int n) {
  float *copy = static_cast<float *>(malloc(static_cast<unsigned>(n) * sizeof(float)));  // expect: alloc
  copy[0] = buf[0];
  free(copy);  // expect: alloc
}

void on_idle() { free(malloc(1)); }
