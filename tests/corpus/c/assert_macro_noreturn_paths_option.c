/* C: with --noreturn-paths a failing assert() (writes to stderr, aborts) is reported as syscall on the assert's line (NDEBUG unset). */
// rtcheck-args: --noreturn-paths
#include <assert.h>
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(firmware_isr) int on_irq(int channel) {
  assert(channel >= 0 && channel < 8); // expect: syscall
  return channel * 2;
}
