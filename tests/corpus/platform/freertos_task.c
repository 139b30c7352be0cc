/* FreeRTOS in a real-time task: blocking waits (portMAX_DELAY, non-zero ticks) are lock, zero-timeout polls are safe (unless_arg through the semphr.h/queue.h macros), vTaskDelay is syscall, the kernel heap is alloc. */
#include <rtcheck/realtime.h>
#include "freertos/FreeRTOS.h"
#include "freertos/queue.h"
#include "freertos/semphr.h"
#include "freertos/task.h"
#include "freertos/timers.h"

static SemaphoreHandle_t s_frame_ready;
static SemaphoreHandle_t s_mutex;
static QueueHandle_t s_cmds;
static TaskHandle_t s_writer;
static TimerHandle_t s_watchdog;
static void *s_block;

RTCHECK_REALTIME(firmware-task) void audio_task(void *arg) {
  (void)arg;
  int cmd = 0;
  for (;;) {
    xSemaphoreTake(s_frame_ready, portMAX_DELAY); // expect: lock
    if (xSemaphoreTake(s_mutex, 0) == pdTRUE) {
      xSemaphoreGive(s_mutex);
    }
    xSemaphoreTake(s_mutex, pdMS_TO_TICKS(5)); // expect: lock
    xSemaphoreTake(s_mutex, pdMS_TO_TICKS(0));
    while (xQueueReceive(s_cmds, &cmd, 0) == pdPASS) {
    }
    xQueueReceive(s_cmds, &cmd, portMAX_DELAY); // expect: lock
    xQueueSend(s_cmds, &cmd, 0);
    xQueueSend(s_cmds, &cmd, 10); // expect: lock
    xQueueOverwrite(s_cmds, &cmd);
    ulTaskNotifyTake(pdTRUE, portMAX_DELAY); // expect: lock
    xTaskNotifyGive(s_writer);
    xTimerReset(s_watchdog, 0);
    xTimerStart(s_watchdog, portMAX_DELAY); // expect: lock
    vTaskDelay(1); // expect: syscall
    s_block = pvPortMalloc(256); // expect: alloc
    vPortFree(s_block); // expect: alloc
    (void)xTaskGetTickCount();
  }
}

void app_main(void) {
  s_frame_ready = xSemaphoreCreateBinary();
  s_mutex = xSemaphoreCreateMutex();
  s_cmds = xQueueCreate(4, sizeof(int));
  xTaskCreate(audio_task, "audio", 4096, NULL, 20, NULL);
}
