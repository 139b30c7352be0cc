/* A registered ESP-IDF GPIO ISR and gptimer alarm callback that only use ISR-safe calls (GPIO level, timer counts, *FromISR, critical sections, esp_timer_get_time): no finding. */
#include "driver/gpio.h"
#include "driver/gptimer.h"
#include "esp_attr.h"
#include "esp_timer.h"
#include "freertos/FreeRTOS.h"
#include "freertos/queue.h"
#include "freertos/semphr.h"
#include "freertos/task.h"

typedef struct {
  int64_t when_us;
  int level;
} edge_t;

static QueueHandle_t s_edges;
static SemaphoreHandle_t s_tick;
static TaskHandle_t s_consumer;
static portMUX_TYPE s_mux = portMUX_INITIALIZER_UNLOCKED;
static volatile uint32_t s_alarms;

static void IRAM_ATTR edge_isr(void *arg) {
  const gpio_num_t pin = (gpio_num_t)(intptr_t)arg;
  BaseType_t woken = pdFALSE;
  edge_t e = {esp_timer_get_time(), gpio_get_level(pin)};
  gpio_set_level(GPIO_NUM_2, (uint32_t)e.level);
  if (xQueueIsQueueFullFromISR(s_edges) == pdFALSE)
    xQueueSendFromISR(s_edges, &e, &woken);
  vTaskNotifyGiveFromISR(s_consumer, &woken);
  portYIELD_FROM_ISR(woken);
}

static bool IRAM_ATTR alarm_cb(gptimer_handle_t timer, const gptimer_alarm_event_data_t *edata,
                               void *ctx) {
  (void)ctx;
  BaseType_t woken = pdFALSE;
  gptimer_alarm_config_t next = {.alarm_count = edata->alarm_value + 1000};
  gptimer_set_alarm_action(timer, &next);
  taskENTER_CRITICAL_ISR(&s_mux);
  s_alarms++;
  taskEXIT_CRITICAL_ISR(&s_mux);
  xSemaphoreGiveFromISR(s_tick, &woken);
  return woken == pdTRUE;
}

void app_main(void) {
  gptimer_handle_t timer = NULL;
  s_edges = xQueueCreate(32, sizeof(edge_t));
  s_tick = xSemaphoreCreateBinary();
  gpio_install_isr_service(0);
  gpio_isr_handler_add(GPIO_NUM_4, edge_isr, (void *)GPIO_NUM_4);
  gptimer_event_callbacks_t cbs = {.on_alarm = alarm_cb};
  gptimer_register_event_callbacks(timer, &cbs, NULL);
}
