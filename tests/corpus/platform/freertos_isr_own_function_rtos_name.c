/* The firmware-isr forbid list names FreeRTOS's API (xQueue*, vTask* without FromISR): the program's own functions named in the same style (FreeRTOS demos: vQueueOverwritePeriodicISRDemo) are followed into their bodies, not reported at the call. */
#include <rtcheck/realtime.h>
#include "freertos/FreeRTOS.h"
#include "freertos/queue.h"
#include "freertos/semphr.h"

static QueueHandle_t s_queue;
static SemaphoreHandle_t s_sem;
static volatile uint32_t s_sent;

void vQueueOverwritePeriodicISRDemo(void) {
  BaseType_t woken = pdFALSE;
  uint32_t value = s_sent++;
  xQueueOverwriteFromISR(s_queue, &value, &woken);
}

void vTaskReleaseWorker(void) {
  xSemaphoreGive(s_sem); // expect: lock
}

RTCHECK_REALTIME(firmware-isr) void timer_isr(void) {
  vQueueOverwritePeriodicISRDemo();
  vTaskReleaseWorker();
  xQueueReset(s_queue); // expect: lock
}
