/* STM32Cube HAL with USE_HAL_UART_REGISTER_CALLBACKS: a callback registered with HAL_UART_RegisterCallback is called from HAL_UART_IRQHandler (interrupt context) like the weak HAL_UART_RxCpltCallback it replaces, whatever its name. */
#include "stm32f4xx_hal.h"

UART_HandleTypeDef huart2;
static uint8_t s_line[64];

static void on_rx_done(UART_HandleTypeDef *huart) {
  HAL_UART_Transmit(huart, s_line, sizeof s_line, 100); // expect: driver
  HAL_Delay(5); // expect: syscall
}

void setup_uart(void) { HAL_UART_RegisterCallback(&huart2, HAL_UART_RX_COMPLETE_CB_ID, on_rx_done); }
