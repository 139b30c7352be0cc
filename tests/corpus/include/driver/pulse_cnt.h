/* Declaration-only subset of ESP-IDF driver/pulse_cnt.h (v5.x). */
#ifndef _DRIVER_PULSE_CNT_H_
#define _DRIVER_PULSE_CNT_H_

#include <stdbool.h>
#include <stdint.h>
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pcnt_unit_t *pcnt_unit_handle_t;
typedef struct {
  int watch_point_value;
  int zero_cross_mode;
} pcnt_watch_event_data_t;
typedef bool (*pcnt_watch_cb_t)(pcnt_unit_handle_t unit, const pcnt_watch_event_data_t *edata, void *user_ctx);
typedef struct {
  pcnt_watch_cb_t on_reach; /* called in ISR context */
} pcnt_event_callbacks_t;

esp_err_t pcnt_unit_register_event_callbacks(pcnt_unit_handle_t unit, const pcnt_event_callbacks_t *cbs,
                                             void *user_data);
esp_err_t pcnt_unit_get_count(pcnt_unit_handle_t unit, int *value);

#ifdef __cplusplus
}
#endif

#endif
