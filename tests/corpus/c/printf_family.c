/* C: printf-family output from a root and from a helper are syscall findings. */
#include <rtcheck/realtime.h>
#include <stdio.h>

static void trace(int v) {
  fprintf(stderr, "v=%d\n", v); // expect: syscall
}

RTCHECK_REALTIME(firmware_isr) void on_irq(int v) {
  printf("irq %d\n", v); // expect: syscall
  trace(v);
}
