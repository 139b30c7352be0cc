/* STM32Cube HAL + CMSIS-RTOS2: vector handlers (*_IRQHandler, SysTick_Handler) and the HAL's weak HAL_*Callback functions are firmware-isr roots by name; blocking UART transfers, HAL_Delay, osDelay and mutexes are reported there; GPIO, tick reads, zero-timeout queue puts, osSemaphoreRelease and re-arming a receive with HAL_UART_Receive_IT are not. */
#include "cmsis_os2.h"
#include "stm32f4xx_hal.h"

UART_HandleTypeDef huart2;
TIM_HandleTypeDef htim2;
static osMessageQueueId_t s_rx_queue;
static osSemaphoreId_t s_tick_sem;
static osMutexId_t s_log_mutex;
static uint8_t s_rx_byte;
static volatile uint32_t s_ms;

void USART2_IRQHandler(void) { HAL_UART_IRQHandler(&huart2); }

void TIM2_IRQHandler(void) { HAL_TIM_IRQHandler(&htim2); }

void SysTick_Handler(void) {
  HAL_IncTick();
  s_ms = HAL_GetTick();
}

void HAL_UART_RxCpltCallback(UART_HandleTypeDef *huart) {
  osMessageQueuePut(s_rx_queue, &s_rx_byte, 0, 0);
  HAL_GPIO_TogglePin(GPIOA, GPIO_PIN_5);
  HAL_UART_Receive_IT(huart, &s_rx_byte, 1);
  if (s_rx_byte == '\r')
    HAL_UART_Transmit(huart, (const uint8_t *)"\r\n", 2, HAL_MAX_DELAY); // expect: driver
}

void HAL_TIM_PeriodElapsedCallback(TIM_HandleTypeDef *htim) {
  (void)htim;
  osSemaphoreRelease(s_tick_sem);
  osMutexAcquire(s_log_mutex, 0); // expect: lock
  HAL_Delay(1); // expect: syscall
  osDelay(1); // expect: syscall
}

int main(void) {
  HAL_Init();
  s_rx_queue = osMessageQueueNew(16, 1, NULL);
  s_tick_sem = osSemaphoreNew(1, 0, NULL);
  s_log_mutex = osMutexNew(NULL);
  HAL_UART_Receive_IT(&huart2, &s_rx_byte, 1);
  HAL_TIM_Base_Start_IT(&htim2);
  for (;;)
    HAL_Delay(1000);
}
