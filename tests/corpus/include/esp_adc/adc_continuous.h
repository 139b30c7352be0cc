/* Declaration-only subset of ESP-IDF esp_adc/adc_continuous.h (v5.x). */
#ifndef ESP_ADC_ADC_CONTINUOUS_H
#define ESP_ADC_ADC_CONTINUOUS_H

#include <stdbool.h>
#include <stdint.h>
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct adc_continuous_ctx_t *adc_continuous_handle_t;
typedef struct {
  uint8_t *conv_frame_buffer;
  uint32_t size;
} adc_continuous_evt_data_t;
typedef bool (*adc_continuous_callback_t)(adc_continuous_handle_t handle, const adc_continuous_evt_data_t *edata,
                                          void *user_data);
typedef struct {
  adc_continuous_callback_t on_conv_done; /* called in ISR context */
  adc_continuous_callback_t on_pool_ovf;  /* called in ISR context */
} adc_continuous_evt_cbs_t;

esp_err_t adc_continuous_register_event_callbacks(adc_continuous_handle_t handle, const adc_continuous_evt_cbs_t *cbs,
                                                  void *user_data);
esp_err_t adc_continuous_read(adc_continuous_handle_t handle, uint8_t *buf, uint32_t length_max,
                              uint32_t *out_length, uint32_t timeout_ms);

#ifdef __cplusplus
}
#endif

#endif
