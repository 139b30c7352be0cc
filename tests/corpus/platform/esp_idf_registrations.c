/* Every ESP-IDF interrupt/timer registration makes its callback a root: gpio_isr_register, esp_intr_alloc_intrstatus, timer_isr_callback_add, timer_isr_register, gptimer on_alarm, all four I2S event callbacks (ISR context per i2s_types.h) and the esp_timer task callback. */
#include "driver/gpio.h"
#include "driver/gptimer.h"
#include "driver/i2s_std.h"
#include "driver/timer.h"
#include "esp_heap_caps.h"
#include "esp_intr_alloc.h"
#include "esp_log.h"
#include "esp_timer.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"

static const char *TAG = "regs";
static void *s_mem;
static volatile uint64_t s_count;

static void gpio_all_isr(void *arg) {
  (void)arg;
  s_mem = heap_caps_malloc(16, MALLOC_CAP_8BIT); // expect: alloc
}

static void status_isr(void *arg) {
  (void)arg;
  ESP_LOGW(TAG, "status"); // expect: syscall
}

static bool group_timer_cb(void *arg) {
  (void)arg;
  s_count = timer_group_get_counter_value_in_isr(TIMER_GROUP_0, TIMER_0);
  heap_caps_free(s_mem); // expect: alloc
  return false;
}

static void group_timer_raw_isr(void *arg) {
  (void)arg;
  timer_group_clr_intr_status_in_isr(TIMER_GROUP_0, TIMER_1);
  timer_group_enable_alarm_in_isr(TIMER_GROUP_0, TIMER_1);
  vTaskDelay(1); // expect: syscall, lock
}

static bool alarm_cb(gptimer_handle_t timer, const gptimer_alarm_event_data_t *edata, void *ctx) {
  (void)ctx;
  gptimer_get_raw_count(timer, (uint64_t *)&s_count);
  s_count = edata->alarm_value;
  gptimer_stop(timer);
  ESP_LOGI(TAG, "alarm"); // expect: syscall
  return false;
}

static bool i2s_recv_cb(i2s_chan_handle_t h, i2s_event_data_t *ev, void *ctx) {
  (void)ctx;
  size_t got = 0;
  i2s_channel_read(h, ev->data, ev->size, &got, 0); // expect: driver
  return false;
}

static bool i2s_sent_cb(i2s_chan_handle_t h, i2s_event_data_t *ev, void *ctx) {
  (void)h;
  (void)ev;
  (void)ctx;
  s_mem = heap_caps_calloc(1, 32, MALLOC_CAP_DMA); // expect: alloc
  return false;
}

static bool i2s_recv_ovf_cb(i2s_chan_handle_t h, i2s_event_data_t *ev, void *ctx) {
  (void)h;
  (void)ev;
  (void)ctx;
  ESP_LOGE(TAG, "rx queue overflow"); // expect: syscall
  return false;
}

static bool i2s_send_ovf_cb(i2s_chan_handle_t h, i2s_event_data_t *ev, void *ctx) {
  (void)ev;
  (void)ctx;
  i2s_channel_disable(h); // expect: driver
  return false;
}

static void periodic_cb(void *arg) {
  (void)arg;
  vTaskDelay(1); // expect: syscall
}

void app_main(void) {
  gptimer_handle_t gptimer = NULL;
  i2s_chan_handle_t rx = NULL;
  esp_timer_handle_t periodic = NULL;
  gpio_isr_register(gpio_all_isr, NULL, 0, NULL);
  esp_intr_alloc_intrstatus(40, 0, 0x3ff5f000, 1u << 3, status_isr, NULL, NULL);
  timer_isr_callback_add(TIMER_GROUP_0, TIMER_0, group_timer_cb, NULL, 0);
  timer_isr_register(TIMER_GROUP_0, TIMER_1, group_timer_raw_isr, NULL, 0, NULL);
  gptimer_event_callbacks_t cbs = {.on_alarm = alarm_cb};
  gptimer_register_event_callbacks(gptimer, &cbs, NULL);
  i2s_event_callbacks_t i2s_cbs = {
      .on_recv = i2s_recv_cb,
      .on_recv_q_ovf = i2s_recv_ovf_cb,
      .on_sent = i2s_sent_cb,
      .on_send_q_ovf = i2s_send_ovf_cb,
  };
  i2s_channel_register_event_callback(rx, &i2s_cbs, NULL);
  const esp_timer_create_args_t args = {.callback = &periodic_cb, .name = "periodic"};
  esp_timer_create(&args, &periodic);
}
