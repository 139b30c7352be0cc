/* Declaration-only subset of FreeRTOS.h / portmacro.h / portable.h (FreeRTOS 10.5.1 as shipped with
 * ESP-IDF v5.x) for the rtcheck corpus: names, signatures and macro expansions mirror the real
 * kernel headers; nothing is defined. */
#ifndef INC_FREERTOS_H
#define INC_FREERTOS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* portmacro.h (Xtensa/RISC-V ports of ESP-IDF) */
typedef uint8_t StackType_t;
typedef int BaseType_t;
typedef unsigned int UBaseType_t;
typedef uint32_t TickType_t;
#define portMAX_DELAY (TickType_t)0xffffffffUL
#define configTICK_RATE_HZ 1000
#define portTICK_PERIOD_MS ((TickType_t)1000 / configTICK_RATE_HZ)
#define configSTACK_DEPTH_TYPE uint32_t

typedef struct {
  uint32_t owner;
  uint32_t count;
} spinlock_t;
typedef spinlock_t portMUX_TYPE;
#define portMUX_INITIALIZER_UNLOCKED {.owner = 0xB33FFFFF, .count = 0}

void vPortEnterCritical(portMUX_TYPE *mux);
void vPortExitCritical(portMUX_TYPE *mux);
#define portENTER_CRITICAL(mux) vPortEnterCritical(mux)
#define portEXIT_CRITICAL(mux) vPortExitCritical(mux)
#define portENTER_CRITICAL_ISR(mux) vPortEnterCritical(mux)
#define portEXIT_CRITICAL_ISR(mux) vPortExitCritical(mux)

void vPortYield(void);
void vPortYieldFromISR(void);
BaseType_t xPortInIsrContext(void);
BaseType_t xPortGetCoreID(void);
#define portYIELD() vPortYield()
#define portYIELD_FROM_ISR(xHigherPriorityTaskWoken)                                              \
  do {                                                                                           \
    if ((xHigherPriorityTaskWoken) == pdTRUE)                                                    \
      vPortYieldFromISR();                                                                       \
  } while (0)

/* projdefs.h */
#define pdFALSE ((BaseType_t)0)
#define pdTRUE ((BaseType_t)1)
#define pdPASS (pdTRUE)
#define pdFAIL (pdFALSE)
#define errQUEUE_EMPTY ((BaseType_t)0)
#define errQUEUE_FULL ((BaseType_t)0)
#define pdMS_TO_TICKS(xTimeInMs)                                                                 \
  ((TickType_t)(((TickType_t)(xTimeInMs) * (TickType_t)configTICK_RATE_HZ) / (TickType_t)1000U))

/* portable.h: the kernel heap */
void *pvPortMalloc(size_t xSize);
void vPortFree(void *pv);
void *pvPortCalloc(size_t xNum, size_t xSize);
size_t xPortGetFreeHeapSize(void);

/* Static allocation buffers (opaque sizes are irrelevant to the analysis). */
typedef struct xSTATIC_QUEUE {
  void *pvDummy1[3];
  uint8_t ucDummy[32];
} StaticQueue_t;
typedef StaticQueue_t StaticSemaphore_t;
typedef struct xSTATIC_TIMER {
  void *pvDummy1[8];
} StaticTimer_t;
typedef struct xSTATIC_TCB {
  void *pxDummy1[16];
} StaticTask_t;

#ifdef __cplusplus
}
#endif

#endif /* INC_FREERTOS_H */
