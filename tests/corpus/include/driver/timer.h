/* Declaration-only subset of ESP-IDF's legacy timer-group driver, driver/timer.h (v4.x API). */
#ifndef _DRIVER_TIMER_H_
#define _DRIVER_TIMER_H_

#include <stdbool.h>
#include <stdint.h>
#include "esp_err.h"
#include "esp_intr_alloc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { TIMER_GROUP_0 = 0, TIMER_GROUP_1 = 1, TIMER_GROUP_MAX } timer_group_t;
typedef enum { TIMER_0 = 0, TIMER_1 = 1, TIMER_MAX } timer_idx_t;
typedef bool (*timer_isr_t)(void *);
typedef intr_handle_t timer_isr_handle_t;

esp_err_t timer_isr_callback_add(timer_group_t group_num, timer_idx_t timer_num,
                                 timer_isr_t isr_handler, void *arg, int intr_alloc_flags);
esp_err_t timer_isr_register(timer_group_t group_num, timer_idx_t timer_num, void (*fn)(void *),
                             void *arg, int intr_alloc_flags, timer_isr_handle_t *handle);
uint64_t timer_group_get_counter_value_in_isr(timer_group_t group_num, timer_idx_t timer_num);
void timer_group_clr_intr_status_in_isr(timer_group_t group_num, timer_idx_t timer_num);
void timer_group_enable_alarm_in_isr(timer_group_t group_num, timer_idx_t timer_num);

#ifdef __cplusplus
}
#endif

#endif /* _DRIVER_TIMER_H_ */
