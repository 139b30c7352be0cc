/* Declaration-only subset of ESP-IDF esp_event.h (v5.x). */
#ifndef ESP_EVENT_H_
#define ESP_EVENT_H_

#include <stddef.h>
#include <stdint.h>
#include "esp_err.h"
#include "freertos/FreeRTOS.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef const char *esp_event_base_t;
typedef void *esp_event_loop_handle_t;
typedef void (*esp_event_handler_t)(void *event_handler_arg, esp_event_base_t event_base, int32_t event_id,
                                    void *event_data);
#define ESP_EVENT_DECLARE_BASE(id) extern esp_event_base_t const id
#define ESP_EVENT_DEFINE_BASE(id) esp_event_base_t const id = #id

esp_err_t esp_event_loop_create_default(void);
esp_err_t esp_event_post(esp_event_base_t event_base, int32_t event_id, const void *event_data,
                         size_t event_data_size, TickType_t ticks_to_wait);
esp_err_t esp_event_isr_post(esp_event_base_t event_base, int32_t event_id, const void *event_data,
                             size_t event_data_size, BaseType_t *task_unblocked);
esp_err_t esp_event_handler_register(esp_event_base_t event_base, int32_t event_id,
                                     esp_event_handler_t event_handler, void *event_handler_arg);

#ifdef __cplusplus
}
#endif

#endif
