/* Declaration-only subset of FreeRTOS event_groups.h (10.5.1, configUSE_TRACE_FACILITY == 0 as in
 * ESP-IDF's default configuration): the *FromISR set/clear calls are macros over
 * xTimerPendFunctionCallFromISR, xEventGroupGetBits is a macro over xEventGroupClearBits. */
#ifndef EVENT_GROUPS_H
#define EVENT_GROUPS_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h must appear in source files before include event_groups.h"
#endif

#include "timers.h"

#ifdef __cplusplus
extern "C" {
#endif

struct EventGroupDef_t;
typedef struct EventGroupDef_t *EventGroupHandle_t;
typedef TickType_t EventBits_t;

EventGroupHandle_t xEventGroupCreate(void);
EventBits_t xEventGroupWaitBits(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToWaitFor,
                                const BaseType_t xClearOnExit, const BaseType_t xWaitForAllBits,
                                TickType_t xTicksToWait);
EventBits_t xEventGroupClearBits(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToClear);
EventBits_t xEventGroupSetBits(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToSet);
EventBits_t xEventGroupSync(EventGroupHandle_t xEventGroup, const EventBits_t uxBitsToSet,
                            const EventBits_t uxBitsToWaitFor, TickType_t xTicksToWait);
EventBits_t xEventGroupGetBitsFromISR(EventGroupHandle_t xEventGroup);
void vEventGroupDelete(EventGroupHandle_t xEventGroup);
void vEventGroupSetBitsCallback(void *pvEventGroup, const uint32_t ulBitsToSet);
void vEventGroupClearBitsCallback(void *pvEventGroup, const uint32_t ulBitsToClear);

#define xEventGroupGetBits(xEventGroup) xEventGroupClearBits((xEventGroup), 0)
#define xEventGroupSetBitsFromISR(xEventGroup, uxBitsToSet, pxHigherPriorityTaskWoken)           \
  xTimerPendFunctionCallFromISR(vEventGroupSetBitsCallback, (void *)(xEventGroup),               \
                                (uint32_t)(uxBitsToSet), (pxHigherPriorityTaskWoken))
#define xEventGroupClearBitsFromISR(xEventGroup, uxBitsToClear)                                  \
  xTimerPendFunctionCallFromISR(vEventGroupClearBitsCallback, (void *)(xEventGroup),             \
                                (uint32_t)(uxBitsToClear), NULL)

#ifdef __cplusplus
}
#endif

#endif /* EVENT_GROUPS_H */
