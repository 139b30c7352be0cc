/* Declaration-only subset of ESP-IDF driver/rmt_rx.h (v5.x). */
#ifndef _DRIVER_RMT_RX_H_
#define _DRIVER_RMT_RX_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rmt_channel_t *rmt_channel_handle_t;
typedef struct {
  void *received_symbols;
  size_t num_symbols;
} rmt_rx_done_event_data_t;
typedef bool (*rmt_rx_done_callback_t)(rmt_channel_handle_t rx_chan, const rmt_rx_done_event_data_t *edata,
                                       void *user_ctx);
typedef struct {
  rmt_rx_done_callback_t on_recv_done; /* called in ISR context */
} rmt_rx_event_callbacks_t;

esp_err_t rmt_rx_register_event_callbacks(rmt_channel_handle_t rx_channel, const rmt_rx_event_callbacks_t *cbs,
                                          void *user_data);

#ifdef __cplusplus
}
#endif

#endif
