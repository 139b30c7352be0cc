/* FreeRTOS event groups and recursive mutexes: waits with a block time are lock in a task, zero-timeout waits and set/get are not; in an ISR the *FromISR macros (over xTimerPendFunctionCallFromISR) are safe and the task API is forbidden. */
#include <rtcheck/realtime.h>
#include "freertos/FreeRTOS.h"
#include "freertos/event_groups.h"
#include "freertos/semphr.h"

#define FRAME_READY (1u << 0)
#define STOP_REQUEST (1u << 1)

static EventGroupHandle_t s_events;
static SemaphoreHandle_t s_rmutex;

RTCHECK_REALTIME(firmware-task) void dsp_task(void *arg) {
  (void)arg;
  for (;;) {
    EventBits_t bits = xEventGroupWaitBits(s_events, FRAME_READY | STOP_REQUEST, pdTRUE, pdFALSE, portMAX_DELAY); // expect: lock
    if (bits & STOP_REQUEST)
      break;
    bits = xEventGroupWaitBits(s_events, FRAME_READY, pdTRUE, pdFALSE, 0);
    bits |= xEventGroupGetBits(s_events);
    xEventGroupSetBits(s_events, STOP_REQUEST);
    if (xSemaphoreTakeRecursive(s_rmutex, 0) == pdTRUE)
      xSemaphoreGiveRecursive(s_rmutex);
    xSemaphoreTakeRecursive(s_rmutex, portMAX_DELAY); // expect: lock
    xSemaphoreGiveRecursive(s_rmutex);
    xEventGroupSync(s_events, FRAME_READY, STOP_REQUEST, pdMS_TO_TICKS(10)); // expect: lock
  }
}

RTCHECK_REALTIME(firmware-isr) void frame_isr(void *arg) {
  (void)arg;
  BaseType_t woken = pdFALSE;
  xEventGroupSetBitsFromISR(s_events, FRAME_READY, &woken);
  xEventGroupClearBitsFromISR(s_events, STOP_REQUEST);
  EventBits_t bits = xEventGroupGetBitsFromISR(s_events);
  if (bits & STOP_REQUEST)
    xEventGroupSetBits(s_events, FRAME_READY); // expect: lock
  bits = xEventGroupGetBits(s_events); // expect: lock
  portYIELD_FROM_ISR(woken);
}
