// The hyphenated context spellings used by the profiles (firmware-task, firmware-isr) mark roots too.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

RTCHECK_REALTIME(firmware-task) void on_tick() {
  puts("tick");  // expect: syscall
}

RTCHECK_REALTIME(firmware-isr) void on_irq() {
  free(malloc(2));  // expect: alloc
}
