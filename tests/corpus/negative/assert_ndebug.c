/* C: with NDEBUG, assert() expands to nothing: no findings. */
// compile-flags: -std=c11 -DNDEBUG
#include <assert.h>
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(firmware_isr) int on_irq(int channel) {
  assert(channel >= 0 && channel < 8);
  return channel * 2;
}
