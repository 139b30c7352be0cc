/* C: suppression comments work in C sources (same line and line above; wrong category kept). */
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

static void *g_mem;

RTCHECK_REALTIME(firmware_task) void on_tick(void) {
  g_mem = malloc(8); // rtcheck-allow(alloc): boot-time only, guarded by a flag
  // rtcheck-allow(syscall): debug console
  puts("tick");
  free(g_mem); // rtcheck-allow(syscall): wrong category // expect: alloc
}
