/* Declaration-only subset of ESP-IDF driver/i2s_types.h (v5.x, the channel-based I2S driver). */
#ifndef _DRIVER_I2S_TYPES_H_
#define _DRIVER_I2S_TYPES_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct i2s_channel_obj_t *i2s_chan_handle_t;

typedef struct {
  void *data;
  size_t size;
} i2s_event_data_t;

typedef bool (*i2s_isr_callback_t)(i2s_chan_handle_t handle, i2s_event_data_t *event,
                                   void *user_ctx);

typedef struct {
  i2s_isr_callback_t on_recv;       /* DMA receive done, called in ISR context */
  i2s_isr_callback_t on_recv_q_ovf; /* receive queue overflowed, called in ISR context */
  i2s_isr_callback_t on_sent;       /* DMA send done, called in ISR context */
  i2s_isr_callback_t on_send_q_ovf; /* send queue overflowed, called in ISR context */
} i2s_event_callbacks_t;

#ifdef __cplusplus
}
#endif

#endif /* _DRIVER_I2S_TYPES_H_ */
