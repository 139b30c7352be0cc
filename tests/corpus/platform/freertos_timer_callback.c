/* An unannotated software-timer callback (xTimerCreate / xTimerCreateStatic, argument 4) runs in the timer service task: it must never block (FreeRTOS docs), so delays and blocking waits are reported. */
#include "freertos/FreeRTOS.h"
#include "freertos/queue.h"
#include "freertos/semphr.h"
#include "freertos/task.h"
#include "freertos/timers.h"

static SemaphoreHandle_t s_lock;
static QueueHandle_t s_out;
static StaticTimer_t s_timer_buf;
static volatile int s_ticks;

static void blink_cb(TimerHandle_t t) {
  (void)t;
  vTaskDelay(pdMS_TO_TICKS(10)); // expect: syscall
  xSemaphoreTake(s_lock, portMAX_DELAY); // expect: lock
  xSemaphoreGive(s_lock);
}

static void sample_cb(TimerHandle_t t) {
  int id = (int)(intptr_t)pvTimerGetTimerID(t);
  s_ticks++;
  xQueueSend(s_out, &id, 0);
  xQueueSend(s_out, &id, pdMS_TO_TICKS(1)); // expect: lock
}

void app_main(void) {
  s_lock = xSemaphoreCreateMutex();
  s_out = xQueueCreate(4, sizeof(int));
  TimerHandle_t blink = xTimerCreate("blink", pdMS_TO_TICKS(500), pdTRUE, NULL, blink_cb);
  TimerHandle_t sample = xTimerCreateStatic("sample", 1, pdTRUE, (void *)1, sample_cb, &s_timer_buf);
  xTimerStart(blink, 0);
  xTimerStart(sample, 0);
}
