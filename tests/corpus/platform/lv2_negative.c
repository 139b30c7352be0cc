/* An LV2 run() that only scales its connected ports (the amp example plugin): no finding. */
// compile-flags: -std=gnu11
#include <lv2/core/lv2.h>
#include <math.h>
#include <stdlib.h>

typedef struct {
  const float *gain;
  const float *input;
  float *output;
} Amp;

static LV2_Handle instantiate(const LV2_Descriptor *d, double rate, const char *path, const LV2_Feature *const *f) {
  (void)d, (void)rate, (void)path, (void)f;
  return calloc(1, sizeof(Amp));
}

static void connect_port(LV2_Handle instance, uint32_t port, void *data) {
  Amp *amp = (Amp *)instance;
  if (port == 0)
    amp->gain = data;
  else if (port == 1)
    amp->input = data;
  else
    amp->output = data;
}

static void run(LV2_Handle instance, uint32_t n_samples) {
  const Amp *amp = (const Amp *)instance;
  const float db = *amp->gain;
  const float coef = db > -90.0f ? powf(10.0f, db * 0.05f) : 0.0f;
  for (uint32_t pos = 0; pos < n_samples; pos++)
    amp->output[pos] = amp->input[pos] * coef;
}

static void cleanup(LV2_Handle instance) { free(instance); }

static const LV2_Descriptor descriptor = {"http://example.org/rtcheck-amp-clean", instantiate, connect_port, NULL, run, NULL, cleanup, NULL};

LV2_SYMBOL_EXPORT const LV2_Descriptor *lv2_descriptor(uint32_t index) { return index == 0 ? &descriptor : NULL; }
