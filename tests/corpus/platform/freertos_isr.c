/* FreeRTOS from an ISR (firmware-isr): only the *FromISR API is allowed; task-level calls are lock by the profile's forbid list even with a zero timeout, and vTaskDelay is also syscall. */
#include <rtcheck/realtime.h>
#include "freertos/FreeRTOS.h"
#include "freertos/queue.h"
#include "freertos/semphr.h"
#include "freertos/task.h"

static SemaphoreHandle_t s_sem;
static QueueHandle_t s_queue;
static TaskHandle_t s_worker;
static portMUX_TYPE s_mux = portMUX_INITIALIZER_UNLOCKED;
static volatile uint32_t s_count;

RTCHECK_REALTIME(firmware-isr) void uart_isr(void *arg) {
  (void)arg;
  BaseType_t woken = pdFALSE;
  uint32_t sample = s_count;
  xSemaphoreTakeFromISR(s_sem, &woken);
  xSemaphoreGiveFromISR(s_sem, &woken);
  xQueueSendFromISR(s_queue, &sample, &woken);
  xQueueReceiveFromISR(s_queue, &sample, &woken);
  vTaskNotifyGiveFromISR(s_worker, &woken);
  xTaskNotifyFromISR(s_worker, sample, eSetBits, &woken);
  s_count = xTaskGetTickCountFromISR();
  taskENTER_CRITICAL_ISR(&s_mux);
  s_count++;
  taskEXIT_CRITICAL_ISR(&s_mux);
  xSemaphoreTake(s_sem, 0); // expect: lock
  xSemaphoreGive(s_sem); // expect: lock
  xQueueSend(s_queue, &sample, 0); // expect: lock
  xTaskNotifyGive(s_worker); // expect: lock
  s_count = xTaskGetTickCount(); // expect: lock
  vTaskDelay(1); // expect: syscall, lock
  s_count = (uint32_t)(uintptr_t)pvPortMalloc(8); // expect: alloc
  portYIELD_FROM_ISR(woken);
}
