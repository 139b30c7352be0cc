/* Declaration-only subset of ESP-IDF driver/i2s_std.h + i2s_common.h (v5.x). */
#ifndef _DRIVER_I2S_STD_H_
#define _DRIVER_I2S_STD_H_

#include "driver/i2s_types.h"

#ifdef __cplusplus
extern "C" {
#endif

esp_err_t i2s_channel_enable(i2s_chan_handle_t handle);
esp_err_t i2s_channel_disable(i2s_chan_handle_t handle);
esp_err_t i2s_channel_read(i2s_chan_handle_t handle, void *dest, size_t size, size_t *bytes_read,
                           uint32_t timeout_ms);
esp_err_t i2s_channel_write(i2s_chan_handle_t handle, const void *src, size_t size,
                            size_t *bytes_written, uint32_t timeout_ms);
esp_err_t i2s_channel_register_event_callback(i2s_chan_handle_t handle,
                                              const i2s_event_callbacks_t *callbacks,
                                              void *user_data);

#ifdef __cplusplus
}
#endif

#endif /* _DRIVER_I2S_STD_H_ */
