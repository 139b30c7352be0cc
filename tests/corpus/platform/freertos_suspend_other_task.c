/* vTaskSuspend(NULL) suspends the calling task; vTaskSuspend(handle) suspends another task and returns at once, so a timer callback may do it (when_arg in rules/freertos.json). */
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "freertos/timers.h"

static TaskHandle_t s_worker;

static void pause_worker_cb(TimerHandle_t t) {
  (void)t;
  vTaskSuspend(s_worker);
  vTaskResume(s_worker);
  vTaskSuspend(NULL); // expect: syscall
}

void app_main(void) {
  TimerHandle_t pause = xTimerCreate("pause", pdMS_TO_TICKS(100), pdTRUE, NULL, pause_worker_cb);
  xTimerStart(pause, 0);
}
