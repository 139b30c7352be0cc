/* #10 causes (7, rules): the LV2 Log spec lets a plugin call the logger from any context with type Trace (lv2/log/log.h), so lv2_log_trace in run() is not a finding; lv2_log_error there still is (non-real-time contexts only). */
// compile-flags: -std=gnu11
#include <lv2/core/lv2.h>
#include <lv2/log/logger.h>
#include <stdlib.h>

typedef struct {
  LV2_Log_Logger logger;
  const float *in;
  float *out;
} Plugin;

static void run(LV2_Handle instance, uint32_t n) {
  Plugin *p = (Plugin *)instance;
  if (!p->in) {
    lv2_log_error(&p->logger, "input not connected\n"); // expect: syscall
    return;
  }
  lv2_log_trace(&p->logger, "run %u frames\n", n);
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

static const LV2_Descriptor descriptor = {"urn:rtcheck:trace", instantiate, connect_port, NULL, run, NULL, cleanup, NULL};

LV2_SYMBOL_EXPORT const LV2_Descriptor *lv2_descriptor(uint32_t index) { return index == 0 ? &descriptor : NULL; }
