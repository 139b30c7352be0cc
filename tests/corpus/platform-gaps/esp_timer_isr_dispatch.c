/* ESP-IDF esp_timer with dispatch_method = ESP_TIMER_ISR (CONFIG_ESP_TIMER_SUPPORTS_ISR_DISPATCH_METHOD) runs its callback in the timer ISR, not in the esp_timer task: the firmware-isr rules apply there (xSemaphoreGive is forbidden), while an ESP_TIMER_TASK callback may call it. */
#include "esp_timer.h"
#include "freertos/FreeRTOS.h"
#include "freertos/semphr.h"

static SemaphoreHandle_t s_sem;

static void isr_dispatched(void *arg) {
  (void)arg;
  xSemaphoreGive(s_sem); // expect: lock
}

static void task_dispatched(void *arg) {
  (void)arg;
  xSemaphoreGive(s_sem);
}

void start_timers(void) {
  esp_timer_handle_t fast, slow;
  const esp_timer_create_args_t fast_args = {
      .callback = isr_dispatched, .dispatch_method = ESP_TIMER_ISR, .name = "fast"};
  const esp_timer_create_args_t slow_args = {
      .callback = task_dispatched, .dispatch_method = ESP_TIMER_TASK, .name = "slow"};
  esp_timer_create(&fast_args, &fast);
  esp_timer_create(&slow_args, &slow);
  esp_timer_start_periodic(fast, 100);
  esp_timer_start_periodic(slow, 100000);
}
