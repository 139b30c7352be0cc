/* #9 entries: frameworks bundle older LV2 headers that spell the descriptor `typedef struct _LV2_Descriptor {...} LV2_Descriptor;` (DPF's distrho/src/lv2/lv2.h); run() stored there is the same LV2 entry as with `struct LV2_Descriptor` (the rule names LV2_Descriptor::run). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Stand-in for a bundled pre-1.18 lv2.h: same layout, old struct tag. */
typedef void *LV2_Handle;
typedef struct _LV2_Feature {
  const char *URI;
  void *data;
} LV2_Feature;
typedef struct _LV2_Descriptor {
  const char *URI;
  LV2_Handle (*instantiate)(const struct _LV2_Descriptor *descriptor, double sample_rate,
                            const char *bundle_path, const LV2_Feature *const *features);
  void (*connect_port)(LV2_Handle instance, uint32_t port, void *data_location);
  void (*activate)(LV2_Handle instance);
  void (*run)(LV2_Handle instance, uint32_t sample_count);
  void (*deactivate)(LV2_Handle instance);
  void (*cleanup)(LV2_Handle instance);
  const void *(*extension_data)(const char *uri);
} LV2_Descriptor;

static LV2_Handle instantiate(const LV2_Descriptor *d, double rate, const char *path, const LV2_Feature *const *f) {
  (void)d, (void)rate, (void)path, (void)f;
  return calloc(1, 16);
}
static void connect_port(LV2_Handle h, uint32_t port, void *data) { (void)h, (void)port, (void)data; }

static void run(LV2_Handle h, uint32_t n) {
  (void)h;
  printf("run %u\n", n); // expect: syscall
}

static void cleanup(LV2_Handle h) { free(h); }

static const LV2_Descriptor descriptor = {"urn:rtcheck:oldtag", instantiate, connect_port, NULL, run, NULL, cleanup, NULL};

__attribute__((visibility("default"))) const LV2_Descriptor *lv2_descriptor(uint32_t index) {
  return index == 0 ? &descriptor : NULL;
}
