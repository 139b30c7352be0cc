/* Declaration-only subset of ESP-IDF driver/gptimer.h (v5.x). */
#ifndef _DRIVER_GPTIMER_H_
#define _DRIVER_GPTIMER_H_

#include <stdbool.h>
#include <stdint.h>
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gptimer_t *gptimer_handle_t;

typedef struct {
  uint64_t count_value;
  uint64_t alarm_value;
} gptimer_alarm_event_data_t;

typedef bool (*gptimer_alarm_cb_t)(gptimer_handle_t timer, const gptimer_alarm_event_data_t *edata,
                                   void *user_ctx);

typedef struct {
  gptimer_alarm_cb_t on_alarm; /* called in ISR context */
} gptimer_event_callbacks_t;

typedef struct {
  uint64_t alarm_count;
  uint64_t reload_count;
  struct {
    uint32_t auto_reload_on_alarm : 1;
  } flags;
} gptimer_alarm_config_t;

esp_err_t gptimer_register_event_callbacks(gptimer_handle_t timer,
                                           const gptimer_event_callbacks_t *cbs, void *user_data);
esp_err_t gptimer_set_alarm_action(gptimer_handle_t timer, const gptimer_alarm_config_t *config);
esp_err_t gptimer_get_raw_count(gptimer_handle_t timer, uint64_t *value);
esp_err_t gptimer_start(gptimer_handle_t timer);
esp_err_t gptimer_stop(gptimer_handle_t timer);
esp_err_t gptimer_enable(gptimer_handle_t timer);

#ifdef __cplusplus
}
#endif

#endif /* _DRIVER_GPTIMER_H_ */
