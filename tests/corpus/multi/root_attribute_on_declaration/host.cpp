// A TU that only calls the callbacks from a non-real-time host loop: adds no roots of its own.
#include "callbacks.h"

void host_loop(float *buf) {
  on_idle();
  on_buffer(buf, 1);
}
