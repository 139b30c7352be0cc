/* RTCHECK_REALTIME(firmware_isr), the spelling <rtcheck/realtime.h> documents, selects the firmware-isr profile: xSemaphoreGive (safe in a task) is forbidden in the ISR. */
#include <rtcheck/realtime.h>
#include "freertos/FreeRTOS.h"
#include "freertos/semphr.h"

static SemaphoreHandle_t s_sem;

RTCHECK_REALTIME(firmware_isr) void on_irq(void) {
  xSemaphoreGive(s_sem); // expect: lock
}
