/* Declaration-only subset of ESP-IDF driver/uart.h (v5.x). */
#ifndef _DRIVER_UART_H_
#define _DRIVER_UART_H_

#include <stddef.h>
#include <stdint.h>
#include "esp_err.h"
#include "freertos/FreeRTOS.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef int uart_port_t;
#define UART_NUM_0 (0)
#define UART_NUM_1 (1)

int uart_write_bytes(uart_port_t uart_num, const void *src, size_t size);
int uart_read_bytes(uart_port_t uart_num, void *buf, uint32_t length, TickType_t ticks_to_wait);
esp_err_t uart_wait_tx_done(uart_port_t uart_num, TickType_t ticks_to_wait);
int uart_tx_chars(uart_port_t uart_num, const char *buffer, uint32_t len);

#ifdef __cplusplus
}
#endif

#endif
