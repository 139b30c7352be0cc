/* FreeRTOS deferred calls: a function given to xTimerPendFunctionCall / xTimerPendFunctionCallFromISR runs in the timer service task, which must never block (FreeRTOS docs, as for timer callbacks). */
#include "driver/gpio.h"
#include "freertos/FreeRTOS.h"
#include "freertos/semphr.h"
#include "freertos/task.h"
#include "freertos/timers.h"

static SemaphoreHandle_t s_bus;

static void deferred_from_isr(void *param1, uint32_t param2) {
  (void)param1, (void)param2;
  xSemaphoreTake(s_bus, portMAX_DELAY); // expect: lock
  xSemaphoreGive(s_bus);
}

static void deferred_from_task(void *param1, uint32_t param2) {
  (void)param1, (void)param2;
  vTaskDelay(pdMS_TO_TICKS(5)); // expect: syscall
}

static void button_isr(void *arg) {
  BaseType_t woken = pdFALSE;
  xTimerPendFunctionCallFromISR(deferred_from_isr, arg, 1, &woken);
  portYIELD_FROM_ISR(woken);
}

void app_main(void) {
  s_bus = xSemaphoreCreateMutex();
  gpio_isr_handler_add(GPIO_NUM_0, button_isr, NULL);
  xTimerPendFunctionCall(deferred_from_task, NULL, 0, 0);
}
