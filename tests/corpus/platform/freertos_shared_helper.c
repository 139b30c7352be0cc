/* A helper shared by a task and an ISR: the firmware-isr forbid list applies to calls reached from the ISR root (xSemaphoreGive in a helper both reach is lock), not to a helper only the task reaches. */
#include <rtcheck/realtime.h>
#include "driver/gpio.h"
#include "freertos/FreeRTOS.h"
#include "freertos/semphr.h"
#include "freertos/task.h"

static SemaphoreHandle_t s_ready;
static volatile int s_pending;

static void signal_ready(void) {
  s_pending = 1;
  xSemaphoreGive(s_ready); // expect: lock
}

static void task_only_signal(void) {
  xSemaphoreGive(s_ready);
}

static void sensor_isr(void *arg) {
  (void)arg;
  signal_ready();
}

RTCHECK_REALTIME(firmware-task) static void sensor_task(void *arg) {
  (void)arg;
  for (;;) {
    if (ulTaskNotifyTake(pdTRUE, 0) > 0) {
      signal_ready();
      task_only_signal();
    }
  }
}

void app_main(void) {
  s_ready = xSemaphoreCreateBinary();
  gpio_isr_handler_add(GPIO_NUM_4, sensor_isr, NULL);
  xTaskCreate(sensor_task, "sensor", 2048, NULL, 5, NULL);
}
