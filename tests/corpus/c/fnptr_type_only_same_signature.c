/* #10 causes (1): a plugin interface's work_response(handle, size, data) call reaches the functions stored into work_response, not the host's schedule function that merely has the same signature (jalv: work_response -> jalv_worker_schedule -> sem_wait). */
#include <rtcheck/realtime.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>

typedef int (*response_fn)(void *handle, uint32_t size, const void *data);
typedef int (*schedule_fn)(void *handle, uint32_t size, const void *data);

struct worker_iface {
  response_fn work_response;
};
struct schedule_feature {
  void *handle;
  schedule_fn schedule_work;
};

static sem_t g_lock;

static int host_schedule_sync(void *handle, uint32_t size, const void *data) {
  (void)handle, (void)size, (void)data;
  sem_wait(&g_lock); /* only reached through schedule_feature::schedule_work, never on the audio path */
  return 0;
}

static int plugin_response(void *handle, uint32_t size, const void *data) {
  (void)handle, (void)data;
  printf("response %u\n", size); // expect: syscall
  return 0;
}

static const struct worker_iface g_iface = {plugin_response};
static struct schedule_feature g_feature = {0, host_schedule_sync};

struct schedule_feature *features(void) { return &g_feature; }

RTCHECK_REALTIME(audio) void emit_responses(const struct worker_iface *iface, void *h) {
  iface->work_response(h, 4, "abc");
}

const struct worker_iface *plugin_interface(void) { return &g_iface; }
