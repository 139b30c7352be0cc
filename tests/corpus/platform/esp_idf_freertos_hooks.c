/* ESP-IDF's esp_register_freertos_tick_hook makes its argument a tick-interrupt root (firmware-isr), esp_register_freertos_idle_hook(_for_cpu) an idle-task root (firmware-task, must never block). */
#include <stdbool.h>
#include <stdio.h>
#include "esp_freertos_hooks.h"
#include "freertos/FreeRTOS.h"
#include "freertos/semphr.h"
#include "freertos/task.h"

static SemaphoreHandle_t s_sem;
static volatile unsigned s_idle_passes;

static void count_tick(void) {
  BaseType_t woken = pdFALSE;
  xSemaphoreGiveFromISR(s_sem, &woken);
  xSemaphoreGive(s_sem); // expect: lock
}

static bool idle_log(void) {
  s_idle_passes++;
  printf("idle\n"); // expect: syscall
  return true;
}

static bool idle_core1(void) {
  vTaskDelay(1); // expect: syscall
  return true;
}

void app_main(void) {
  s_sem = xSemaphoreCreateBinary();
  esp_register_freertos_tick_hook(count_tick);
  esp_register_freertos_idle_hook(idle_log);
  esp_register_freertos_idle_hook_for_cpu(idle_core1, 1);
}
