/* LV2: run() stored in LV2_Descriptor.run and the worker's work_response/end_run (audio thread, lv2/worker/worker.h) are audio roots; allocation, logging and blocking I/O there are reported, the host's schedule_work (audio threading class) is not; work() runs in the worker thread and is not a root; LADSPA run/run_adding likewise are roots. */
// compile-flags: -std=gnu11
#include <ladspa.h>
#include <lv2/core/lv2.h>
#include <lv2/worker/worker.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  const float *gain;
  const float *input;
  float *output;
  float *table;
  LV2_Worker_Schedule *schedule;
} Amp;

static LV2_Handle instantiate(const LV2_Descriptor *d, double rate, const char *path,
                              const LV2_Feature *const *features) {
  (void)d, (void)rate, (void)path, (void)features;
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
  Amp *amp = (Amp *)instance;
  const float coef = *amp->gain;
  for (uint32_t pos = 0; pos < n_samples; pos++)
    amp->output[pos] = amp->input[pos] * coef;
  if (amp->table == NULL)
    amp->table = malloc(n_samples * sizeof(float)); // expect: alloc
  // schedule_work is in the audio threading class (lv2/worker/worker.h): a rule, no finding.
  if (amp->schedule)
    amp->schedule->schedule_work(amp->schedule->handle, sizeof coef, &coef); /* audio class by the spec */
}

static LV2_Worker_Status work(LV2_Handle instance, LV2_Worker_Respond_Function respond,
                              LV2_Worker_Respond_Handle handle, uint32_t size, const void *data) {
  (void)instance;
  FILE *f = fopen("/tmp/table.bin", "rb");
  if (f)
    fclose(f);
  return respond(handle, size, data);
}

static LV2_Worker_Status work_response(LV2_Handle instance, uint32_t size, const void *body) {
  Amp *amp = (Amp *)instance;
  (void)size, (void)body;
  free(amp->table); // expect: alloc
  amp->table = NULL;
  return LV2_WORKER_SUCCESS;
}

static LV2_Worker_Status end_run(LV2_Handle instance) {
  (void)instance;
  fprintf(stderr, "cycle done\n"); // expect: syscall
  return LV2_WORKER_SUCCESS;
}

static const void *extension_data(const char *uri) {
  static const LV2_Worker_Interface worker = {work, work_response, end_run};
  return strcmp(uri, LV2_WORKER__interface) == 0 ? &worker : NULL;
}

static void cleanup(LV2_Handle instance) { free(instance); }

static const LV2_Descriptor descriptor = {
    "http://example.org/rtcheck-amp", instantiate, connect_port, NULL, run, NULL, cleanup, extension_data};

LV2_SYMBOL_EXPORT const LV2_Descriptor *lv2_descriptor(uint32_t index) { return index == 0 ? &descriptor : NULL; }

/* LADSPA */
static LADSPA_Data *g_ladspa_in, *g_ladspa_out;

static void ladspa_run(LADSPA_Handle h, unsigned long n) {
  (void)h;
  for (unsigned long i = 0; i < n; ++i)
    g_ladspa_out[i] = g_ladspa_in[i];
  usleep(1); // expect: syscall
}

static void ladspa_run_adding(LADSPA_Handle h, unsigned long n) {
  (void)h;
  printf("adding %lu\n", n); // expect: syscall
}

static LADSPA_Descriptor g_ladspa;

const LADSPA_Descriptor *ladspa_descriptor(unsigned long index) {
  if (index != 0)
    return NULL;
  g_ladspa.UniqueID = 4242;
  g_ladspa.Label = "rtcheck_copy";
  g_ladspa.run = ladspa_run;
  g_ladspa.run_adding = ladspa_run_adding;
  return &g_ladspa;
}
