/* C: a failing assert() writes to stderr and aborts: syscall on the assert's line (NDEBUG unset). */
#include <assert.h>
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(firmware_isr) int on_irq(int channel) {
  assert(channel >= 0 && channel < 8); // expect: syscall
  return channel * 2;
}
