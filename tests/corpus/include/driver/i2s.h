/* Declaration-only subset of ESP-IDF's legacy I2S driver, driver/i2s.h (v4.x API, deprecated but
 * still shipped in v5.x). */
#ifndef _DRIVER_I2S_H_
#define _DRIVER_I2S_H_

#include <stddef.h>
#include <stdint.h>
#include "esp_err.h"
#include "freertos/FreeRTOS.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { I2S_NUM_0 = 0, I2S_NUM_1 = 1, I2S_NUM_MAX } i2s_port_t;
typedef enum {
  I2S_BITS_PER_SAMPLE_16BIT = 16,
  I2S_BITS_PER_SAMPLE_24BIT = 24,
  I2S_BITS_PER_SAMPLE_32BIT = 32
} i2s_bits_per_sample_t;
typedef enum { I2S_MODE_MASTER = (1 << 0), I2S_MODE_TX = (1 << 2), I2S_MODE_RX = (1 << 3) } i2s_mode_t;

typedef struct {
  i2s_mode_t mode;
  uint32_t sample_rate;
  i2s_bits_per_sample_t bits_per_sample;
  int intr_alloc_flags;
  int dma_buf_count;
  int dma_buf_len;
} i2s_config_t;

esp_err_t i2s_driver_install(i2s_port_t i2s_num, const i2s_config_t *i2s_config, int queue_size,
                             void *i2s_queue);
esp_err_t i2s_driver_uninstall(i2s_port_t i2s_num);
esp_err_t i2s_read(i2s_port_t i2s_num, void *dest, size_t size, size_t *bytes_read,
                   TickType_t ticks_to_wait);
esp_err_t i2s_write(i2s_port_t i2s_num, const void *src, size_t size, size_t *bytes_written,
                    TickType_t ticks_to_wait);
esp_err_t i2s_zero_dma_buffer(i2s_port_t i2s_num);
esp_err_t i2s_start(i2s_port_t i2s_num);
esp_err_t i2s_stop(i2s_port_t i2s_num);

#ifdef __cplusplus
}
#endif

#endif /* _DRIVER_I2S_H_ */
