/* Declaration-only subset of ESP-IDF esp_intr_alloc.h (v5.x). */
#ifndef __ESP_INTR_ALLOC_H__
#define __ESP_INTR_ALLOC_H__

#include <stdint.h>
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ESP_INTR_FLAG_LEVEL1 (1 << 1)
#define ESP_INTR_FLAG_LEVEL2 (1 << 2)
#define ESP_INTR_FLAG_LEVEL3 (1 << 3)
#define ESP_INTR_FLAG_SHARED (1 << 8)
#define ESP_INTR_FLAG_EDGE (1 << 9)
#define ESP_INTR_FLAG_IRAM (1 << 10)
#define ESP_INTR_FLAG_INTRDISABLED (1 << 11)

typedef void (*intr_handler_t)(void *arg);
typedef struct intr_handle_data_t intr_handle_data_t;
typedef intr_handle_data_t *intr_handle_t;

esp_err_t esp_intr_alloc(int source, int flags, intr_handler_t handler, void *arg,
                         intr_handle_t *ret_handle);
esp_err_t esp_intr_alloc_intrstatus(int source, int flags, uint32_t intrstatusreg,
                                    uint32_t intrstatusmask, intr_handler_t handler, void *arg,
                                    intr_handle_t *ret_handle);
esp_err_t esp_intr_free(intr_handle_t handle);
esp_err_t esp_intr_enable(intr_handle_t handle);
esp_err_t esp_intr_disable(intr_handle_t handle);

#ifdef __cplusplus
}
#endif

#endif /* __ESP_INTR_ALLOC_H__ */
