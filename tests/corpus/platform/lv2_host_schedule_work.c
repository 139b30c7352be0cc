/* #9 entries: host functions the plugin calls inside run() are audio entries: schedule_work stored into LV2_Worker_Schedule (lv2/worker/worker.h) and the logger's printf/vprintf stored into LV2_Log_Log (lv2/log/log.h: callable from any context for Trace messages); jalv's jalv_worker_schedule and jalv_vprintf are these entries. */
// compile-flags: -std=gnu11
#include <lv2/log/log.h>
#include <lv2/worker/worker.h>
#include <stdarg.h>
#include <stdio.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  sem_t sem;
  pthread_mutex_t lock;
  void *queue;
} HostWorker;

static LV2_Worker_Status host_schedule(LV2_Worker_Schedule_Handle handle, uint32_t size, const void *data) {
  HostWorker *w = (HostWorker *)handle;
  pthread_mutex_lock(&w->lock); // expect: lock
  w->queue = malloc(size); // expect: alloc
  memcpy(w->queue, data, size);
  pthread_mutex_unlock(&w->lock); // expect: lock
  return LV2_WORKER_SUCCESS;
}

static HostWorker g_worker;
static LV2_Worker_Schedule g_schedule;

static int host_vprintf(LV2_Log_Handle handle, LV2_URID type, const char *fmt, va_list ap) {
  (void)handle, (void)type;
  return vfprintf(stderr, fmt, ap); // expect: syscall
}

static int host_printf(LV2_Log_Handle handle, LV2_URID type, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const int r = host_vprintf(handle, type, fmt, ap);
  va_end(ap);
  return r;
}

static LV2_Log_Log g_log;

void host_setup_features(void) {
  g_log.handle = NULL;
  g_log.printf = host_printf;
  g_log.vprintf = host_vprintf;
  g_schedule.handle = &g_worker;
  g_schedule.schedule_work = host_schedule;
}
