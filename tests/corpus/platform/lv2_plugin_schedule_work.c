/* #10 causes (7, rules): the LV2 worker spec lets run() call the host's schedule_work (lv2/worker/worker.h: non-blocking, real-time safe by contract), so the call through LV2_Worker_Schedule::schedule_work is not a finding; other hazards in run() still are. */
// compile-flags: -std=gnu11
#include <lv2/core/lv2.h>
#include <lv2/worker/worker.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  LV2_Worker_Schedule *schedule;
  const float *in;
  float *out;
} Plugin;

static void run(LV2_Handle instance, uint32_t n) {
  Plugin *p = (Plugin *)instance;
  if (!p->in) {
    fprintf(stderr, "input not connected\n"); // expect: syscall
    return;
  }
  if (p->in[0] > 1.0f)
    p->schedule->schedule_work(p->schedule->handle, sizeof n, &n);
  for (uint32_t i = 0; i < n; ++i)
    p->out[i] = p->in[i];
}

static LV2_Handle instantiate(const LV2_Descriptor *d, double rate, const char *path,
                              const LV2_Feature *const *features) {
  (void)d, (void)rate, (void)path, (void)features;
  return calloc(1, sizeof(Plugin));
}
static void connect_port(LV2_Handle instance, uint32_t port, void *data) {
  Plugin *p = (Plugin *)instance;
  if (port == 0)
    p->in = (const float *)data;
  else
    p->out = (float *)data;
}
static void cleanup(LV2_Handle instance) { free(instance); }

static const LV2_Descriptor descriptor = {"urn:rtcheck:schedule", instantiate, connect_port, NULL, run, NULL, cleanup, NULL};

LV2_SYMBOL_EXPORT const LV2_Descriptor *lv2_descriptor(uint32_t index) { return index == 0 ? &descriptor : NULL; }
