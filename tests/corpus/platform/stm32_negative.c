/* STM32 HAL/CMSIS-RTOS2 interrupt code done right: the SysTick handler and HAL_GPIO_EXTI_Callback only read ticks, toggle pins, release a semaphore and set thread flags: no finding. */
#include "cmsis_os2.h"
#include "stm32f4xx_hal.h"

static osSemaphoreId_t s_button;
static osThreadId_t s_ui_thread;
static volatile uint32_t s_last_press;

void SysTick_Handler(void) { HAL_IncTick(); }

void HAL_GPIO_EXTI_Callback(uint16_t GPIO_Pin) {
  uint32_t now = HAL_GetTick();
  if (now - s_last_press < 20)
    return;
  s_last_press = now;
  HAL_GPIO_TogglePin(GPIOA, GPIO_Pin);
  osSemaphoreRelease(s_button);
  osThreadFlagsSet(s_ui_thread, 0x1u);
}
