/* Declaration-only subset of the Zephyr kernel API (v3.x, zephyr/kernel.h, without
 * CONFIG_USERSPACE): timeouts are k_timeout_t structs, K_NO_WAIT / K_FOREVER / K_MSEC as in
 * sys_clock.h (K_MSEC simplified to one tick per millisecond). */
#ifndef ZEPHYR_INCLUDE_KERNEL_H_
#define ZEPHYR_INCLUDE_KERNEL_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zephyr/sys/printk.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int64_t k_ticks_t;
typedef struct {
  k_ticks_t ticks;
} k_timeout_t;
#define K_TICKS_FOREVER ((k_ticks_t)-1)
#define K_NO_WAIT ((k_timeout_t){0})
#define K_FOREVER ((k_timeout_t){K_TICKS_FOREVER})
#define K_MSEC(ms) ((k_timeout_t){.ticks = (ms)})

struct k_sem {
  uint32_t count, limit;
};
struct k_mutex {
  void *owner;
  uint32_t lock_count;
};
struct k_msgq {
  size_t msg_size;
  uint32_t max_msgs;
  char *buffer_start;
};
struct k_work;
typedef void (*k_work_handler_t)(struct k_work *work);
struct k_work {
  k_work_handler_t handler;
  uint32_t flags;
};
struct k_timer;
typedef void (*k_timer_expiry_t)(struct k_timer *timer);
typedef void (*k_timer_stop_t)(struct k_timer *timer);
struct k_timer {
  k_timer_expiry_t expiry_fn;
  k_timer_stop_t stop_fn;
  uint32_t status;
  void *user_data;
};

int k_sem_init(struct k_sem *sem, unsigned int initial_count, unsigned int limit);
int k_sem_take(struct k_sem *sem, k_timeout_t timeout);
void k_sem_give(struct k_sem *sem);
int k_mutex_init(struct k_mutex *mutex);
int k_mutex_lock(struct k_mutex *mutex, k_timeout_t timeout);
int k_mutex_unlock(struct k_mutex *mutex);
int k_msgq_put(struct k_msgq *msgq, const void *data, k_timeout_t timeout);
int k_msgq_get(struct k_msgq *msgq, void *data, k_timeout_t timeout);
void k_work_init(struct k_work *work, k_work_handler_t handler);
int k_work_submit(struct k_work *work);
void k_timer_init(struct k_timer *timer, k_timer_expiry_t expiry_fn, k_timer_stop_t stop_fn);
void k_timer_start(struct k_timer *timer, k_timeout_t duration, k_timeout_t period);
void k_timer_stop(struct k_timer *timer);
int32_t k_msleep(int32_t ms);
int32_t k_sleep(k_timeout_t timeout);
void k_busy_wait(uint32_t usec_to_wait);
void *k_malloc(size_t size);
void k_free(void *ptr);
int64_t k_uptime_get(void);
uint32_t k_cycle_get_32(void);

#define K_SEM_DEFINE(name, initial_count, count_limit) struct k_sem name = {initial_count, count_limit}
#define K_MUTEX_DEFINE(name) struct k_mutex name = {0}
#define K_MSGQ_DEFINE(q_name, q_msg_size, q_max_msgs, q_align)                                   \
  static char __aligned_##q_name[(q_msg_size) * (q_max_msgs)];                                   \
  struct k_msgq q_name = {(q_msg_size), (q_max_msgs), __aligned_##q_name}

#ifdef __cplusplus
}
#endif

#endif
