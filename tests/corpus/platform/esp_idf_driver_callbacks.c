/* ESP-IDF v5 driver event callbacks documented as "called in ISR context" beyond gptimer and I2S: SPI master pre_cb/post_cb, ADC continuous on_conv_done, RMT on_recv_done and PCNT on_reach are firmware-isr roots. */
#include "driver/pulse_cnt.h"
#include "driver/rmt_rx.h"
#include "driver/spi_master.h"
#include "esp_adc/adc_continuous.h"
#include "esp_log.h"

static const char *TAG = "drv";

static void lcd_pre_transfer(spi_transaction_t *t) {
  ESP_LOGI(TAG, "dc=%d", (int)(intptr_t)t->user); // expect: syscall
}

static void lcd_post_transfer(spi_transaction_t *t) {
  (void)t;
  ESP_LOGW(TAG, "done"); // expect: syscall
}

static bool adc_done(adc_continuous_handle_t h, const adc_continuous_evt_data_t *edata, void *user) {
  (void)user;
  uint32_t got = 0;
  adc_continuous_read(h, edata->conv_frame_buffer, edata->size, &got, 0); // expect: driver
  return false;
}

static bool rmt_done(rmt_channel_handle_t ch, const rmt_rx_done_event_data_t *edata, void *user) {
  (void)ch, (void)user;
  ESP_LOGI(TAG, "%u symbols", (unsigned)edata->num_symbols); // expect: syscall
  return false;
}

static bool pcnt_reach(pcnt_unit_handle_t unit, const pcnt_watch_event_data_t *edata, void *user) {
  (void)unit, (void)user;
  ESP_LOGI(TAG, "watch point %d", edata->watch_point_value); // expect: syscall
  return false;
}

void setup(adc_continuous_handle_t adc, rmt_channel_handle_t rmt, pcnt_unit_handle_t pcnt) {
  spi_device_handle_t lcd;
  spi_device_interface_config_t devcfg = {
      .clock_speed_hz = 40000000, .spics_io_num = 5, .queue_size = 7, .pre_cb = lcd_pre_transfer, .post_cb = lcd_post_transfer};
  spi_bus_add_device(SPI2_HOST, &devcfg, &lcd);
  adc_continuous_evt_cbs_t adc_cbs = {.on_conv_done = adc_done};
  adc_continuous_register_event_callbacks(adc, &adc_cbs, NULL);
  rmt_rx_event_callbacks_t rmt_cbs = {.on_recv_done = rmt_done};
  rmt_rx_register_event_callbacks(rmt, &rmt_cbs, NULL);
  pcnt_event_callbacks_t pcnt_cbs = {.on_reach = pcnt_reach};
  pcnt_unit_register_event_callbacks(pcnt, &pcnt_cbs, NULL);
}
