/*
 * freertos_host.h - the FreeRTOS (ESP-IDF SMP flavour) API the firmware sample uses, implemented
 * on a POSIX host: tasks are threads pinned to a CPU, ticks are milliseconds, queues are bounded
 * lock-free rings, mutexes are pthread mutexes.
 *
 * Names and signatures are FreeRTOS's, so rtcheck classifies calls with rules/freertos.json
 * exactly as on the device (xSemaphoreTake with portMAX_DELAY is a lock, vTaskDelay a sleep,
 * pvPortMalloc an allocation, the *FromISR calls interrupt-safe). Where real FreeRTOS uses macros
 * (xSemaphoreTake -> xQueueSemaphoreTake) this layer uses functions of the macro's name, so the
 * analyzer sees the name the source spells.
 *
 * Real-time safety, as on the device: the *FromISR calls and zero-timeout queue calls are
 * lock-free; calls with a timeout block; create/delete and pvPortMalloc/vPortFree allocate.
 */
#ifndef FREERTOS_HOST_H
#define FREERTOS_HOST_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t BaseType_t;
typedef uint32_t UBaseType_t;
typedef uint32_t TickType_t;
typedef void (*TaskFunction_t)(void *);
typedef struct tskTaskControlBlock *TaskHandle_t;
typedef struct QueueDefinition *QueueHandle_t;
typedef QueueHandle_t SemaphoreHandle_t;

#define pdFALSE ((BaseType_t)0)
#define pdTRUE ((BaseType_t)1)
#define pdPASS pdTRUE
#define pdFAIL pdFALSE
#define errQUEUE_FULL ((BaseType_t)0)
#define errQUEUE_EMPTY ((BaseType_t)0)
#define portMAX_DELAY ((TickType_t)0xffffffffUL)
#define configTICK_RATE_HZ 1000
#define portTICK_PERIOD_MS ((TickType_t)1000 / configTICK_RATE_HZ)
#define pdMS_TO_TICKS(ms) ((TickType_t)(((uint64_t)(ms)*configTICK_RATE_HZ) / 1000U))
#define tskNO_AFFINITY ((BaseType_t)0x7FFFFFFF)

/* Tasks */
BaseType_t xTaskCreatePinnedToCore(TaskFunction_t code, const char *name, uint32_t stack_depth,
                                   void *params, UBaseType_t priority, TaskHandle_t *created,
                                   BaseType_t core_id);
void vTaskDelete(TaskHandle_t task);
void vTaskDelay(TickType_t ticks);
void vTaskDelayUntil(TickType_t *previous_wake, TickType_t increment);
TickType_t xTaskGetTickCount(void);
BaseType_t xPortGetCoreID(void);

/* Queues */
QueueHandle_t xQueueCreate(UBaseType_t length, UBaseType_t item_size);
void vQueueDelete(QueueHandle_t queue);
BaseType_t xQueueSend(QueueHandle_t queue, const void *item, TickType_t ticks_to_wait);
BaseType_t xQueueReceive(QueueHandle_t queue, void *buffer, TickType_t ticks_to_wait);
BaseType_t xQueueSendFromISR(QueueHandle_t queue, const void *item,
                             BaseType_t *higher_priority_task_woken);
UBaseType_t uxQueueMessagesWaiting(QueueHandle_t queue);

/* Mutexes */
SemaphoreHandle_t xSemaphoreCreateMutex(void);
void vSemaphoreDelete(SemaphoreHandle_t sem);
BaseType_t xSemaphoreTake(SemaphoreHandle_t sem, TickType_t ticks_to_wait);
BaseType_t xSemaphoreGive(SemaphoreHandle_t sem);

/* Heap */
void *pvPortMalloc(size_t size);
void vPortFree(void *ptr);

/* Interrupt exit */
void vPortYieldFromISR(void);
#define portYIELD_FROM_ISR(woken)                                                                  \
  do {                                                                                             \
    if (woken)                                                                                     \
      vPortYieldFromISR();                                                                         \
  } while (0)

/* Host only (not FreeRTOS): waits for every task created so far to return. */
void host_join_tasks(void);

#ifdef __cplusplus
}
#endif

#endif /* FREERTOS_HOST_H */
