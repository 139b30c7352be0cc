/* Declaration-only subset of the STM32Cube HAL for STM32F4 (stm32f4xx_hal.h, _gpio.h, _uart.h,
 * _tim.h), with USE_HAL_UART_REGISTER_CALLBACKS = 1. */
#ifndef __STM32F4xx_HAL_H
#define __STM32F4xx_HAL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define __IO volatile
#define HAL_MAX_DELAY 0xFFFFFFFFU

typedef enum { HAL_OK = 0x00U, HAL_ERROR = 0x01U, HAL_BUSY = 0x02U, HAL_TIMEOUT = 0x03U } HAL_StatusTypeDef;

typedef struct {
  __IO uint32_t MODER, OTYPER, OSPEEDR, PUPDR, IDR, ODR, BSRR, LCKR, AFR[2];
} GPIO_TypeDef;
typedef struct {
  __IO uint32_t SR, DR, BRR, CR1, CR2, CR3, GTPR;
} USART_TypeDef;
typedef struct {
  __IO uint32_t CR1, CR2, SMCR, DIER, SR, EGR;
} TIM_TypeDef;

#define GPIOA ((GPIO_TypeDef *)0x40020000UL)
#define USART2 ((USART_TypeDef *)0x40004400UL)
#define TIM2 ((TIM_TypeDef *)0x40000000UL)
#define GPIO_PIN_5 ((uint16_t)0x0020)
typedef enum { GPIO_PIN_RESET = 0, GPIO_PIN_SET } GPIO_PinState;

typedef struct __UART_HandleTypeDef {
  USART_TypeDef *Instance;
  uint8_t *pRxBuffPtr;
  uint16_t RxXferSize;
  void (*RxCpltCallback)(struct __UART_HandleTypeDef *huart);
} UART_HandleTypeDef;
typedef enum {
  HAL_UART_TX_COMPLETE_CB_ID = 0x01U,
  HAL_UART_RX_COMPLETE_CB_ID = 0x03U,
  HAL_UART_ERROR_CB_ID = 0x05U
} HAL_UART_CallbackIDTypeDef;
typedef void (*pUART_CallbackTypeDef)(UART_HandleTypeDef *huart);

typedef struct {
  TIM_TypeDef *Instance;
} TIM_HandleTypeDef;

HAL_StatusTypeDef HAL_Init(void);
void HAL_Delay(uint32_t Delay);
uint32_t HAL_GetTick(void);
void HAL_IncTick(void);

void HAL_GPIO_WritePin(GPIO_TypeDef *GPIOx, uint16_t GPIO_Pin, GPIO_PinState PinState);
GPIO_PinState HAL_GPIO_ReadPin(GPIO_TypeDef *GPIOx, uint16_t GPIO_Pin);
void HAL_GPIO_TogglePin(GPIO_TypeDef *GPIOx, uint16_t GPIO_Pin);

HAL_StatusTypeDef HAL_UART_Transmit(UART_HandleTypeDef *huart, const uint8_t *pData, uint16_t Size, uint32_t Timeout);
HAL_StatusTypeDef HAL_UART_Receive(UART_HandleTypeDef *huart, uint8_t *pData, uint16_t Size, uint32_t Timeout);
HAL_StatusTypeDef HAL_UART_Receive_IT(UART_HandleTypeDef *huart, uint8_t *pData, uint16_t Size);
HAL_StatusTypeDef HAL_UART_Transmit_DMA(UART_HandleTypeDef *huart, const uint8_t *pData, uint16_t Size);
HAL_StatusTypeDef HAL_UART_RegisterCallback(UART_HandleTypeDef *huart, HAL_UART_CallbackIDTypeDef CallbackID,
                                            pUART_CallbackTypeDef pCallback);
void HAL_UART_IRQHandler(UART_HandleTypeDef *huart);
void HAL_UART_RxCpltCallback(UART_HandleTypeDef *huart);
void HAL_UART_TxCpltCallback(UART_HandleTypeDef *huart);

HAL_StatusTypeDef HAL_TIM_Base_Start_IT(TIM_HandleTypeDef *htim);
void HAL_TIM_IRQHandler(TIM_HandleTypeDef *htim);
void HAL_TIM_PeriodElapsedCallback(TIM_HandleTypeDef *htim);
void HAL_GPIO_EXTI_Callback(uint16_t GPIO_Pin);
void HAL_GPIO_EXTI_IRQHandler(uint16_t GPIO_Pin);

#ifdef __cplusplus
}
#endif

#endif /* __STM32F4xx_HAL_H */
