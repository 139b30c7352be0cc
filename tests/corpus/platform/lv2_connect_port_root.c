/* #9 entries: LV2 connect_port is in the audio threading class (lv2/core/lv2.h: "may be called ... in the audio class"), so it is a root like run(). */
// compile-flags: -std=gnu11
#include <lv2/core/lv2.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  float *ports[2];
} Plugin;

static LV2_Handle instantiate(const LV2_Descriptor *d, double rate, const char *path,
                              const LV2_Feature *const *features) {
  (void)d, (void)rate, (void)path, (void)features;
  return calloc(1, sizeof(Plugin));
}

static void connect_port(LV2_Handle instance, uint32_t port, void *data) {
  Plugin *p = (Plugin *)instance;
  if (port > 1) {
    fprintf(stderr, "bad port %u\n", port); // expect: syscall
    return;
  }
  p->ports[port] = (float *)data;
}

static void run(LV2_Handle instance, uint32_t n) {
  Plugin *p = (Plugin *)instance;
  for (uint32_t i = 0; i < n; ++i)
    p->ports[1][i] = p->ports[0][i];
}

static void cleanup(LV2_Handle instance) { free(instance); }

static const LV2_Descriptor descriptor = {"urn:rtcheck:connect", instantiate, connect_port, NULL, run, NULL, cleanup, NULL};

LV2_SYMBOL_EXPORT const LV2_Descriptor *lv2_descriptor(uint32_t index) { return index == 0 ? &descriptor : NULL; }
