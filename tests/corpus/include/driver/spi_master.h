/* Declaration-only subset of ESP-IDF driver/spi_master.h (v5.x). */
#ifndef _DRIVER_SPI_MASTER_H_
#define _DRIVER_SPI_MASTER_H_

#include <stddef.h>
#include <stdint.h>
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { SPI1_HOST = 0, SPI2_HOST = 1, SPI3_HOST = 2 } spi_host_device_t;
typedef struct spi_device_t *spi_device_handle_t;

typedef struct spi_transaction_t {
  uint32_t flags;
  uint16_t cmd;
  uint64_t addr;
  size_t length;
  size_t rxlength;
  void *user;
  const void *tx_buffer;
  void *rx_buffer;
} spi_transaction_t;

typedef void (*transaction_cb_t)(spi_transaction_t *trans);

typedef struct {
  uint8_t command_bits;
  uint8_t address_bits;
  uint8_t dummy_bits;
  uint8_t mode;
  uint16_t duty_cycle_pos;
  uint16_t cs_ena_pretrans;
  uint8_t cs_ena_posttrans;
  int clock_speed_hz;
  int input_delay_ns;
  int spics_io_num;
  uint32_t flags;
  int queue_size;
  transaction_cb_t pre_cb;  /* called within interrupt context */
  transaction_cb_t post_cb; /* called within interrupt context */
} spi_device_interface_config_t;

esp_err_t spi_bus_add_device(spi_host_device_t host_id, const spi_device_interface_config_t *dev_config,
                             spi_device_handle_t *handle);
esp_err_t spi_device_transmit(spi_device_handle_t handle, spi_transaction_t *trans_desc);
esp_err_t spi_device_polling_transmit(spi_device_handle_t handle, spi_transaction_t *trans_desc);

#ifdef __cplusplus
}
#endif

#endif
