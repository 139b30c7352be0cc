/* FreeRTOS ports (e.g. RISC-V, Xtensa): portYIELD_FROM_ISR expands to vPortYieldFromInt, which only requests a context switch on interrupt exit and is ISR-safe; vPortYield (a task-level yield) is not. */
#include <rtcheck/realtime.h>
#include "freertos/FreeRTOS.h"

void vPortYieldFromInt(void);
void vPortYield(void);

static volatile int g_pending;

RTCHECK_REALTIME(firmware-isr) void uart_irq(void *arg) {
  (void)arg;
  g_pending = 1;
  vPortYieldFromInt();
  vPortYield(); // expect: syscall
}
