/* CLAP: functions stored in clap_plugin.process / start_processing / stop_processing / reset and clap_plugin_params.flush run on the audio thread ([audio-thread] in clap/plugin.h); activate and init run on the main thread and are not roots. */
#include <clap/clap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  clap_plugin_t plugin;
  float *delay;
  uint32_t max_frames;
} MyPlug;

static bool my_init(const clap_plugin_t *p) { (void)p; return true; }
static void my_destroy(const clap_plugin_t *p) { free(p->plugin_data); }

static bool my_activate(const clap_plugin_t *p, double sr, uint32_t minf, uint32_t maxf) {
  MyPlug *mp = p->plugin_data;
  (void)sr, (void)minf;
  mp->delay = calloc(maxf, sizeof(float));
  mp->max_frames = maxf;
  return mp->delay != NULL;
}

static void my_deactivate(const clap_plugin_t *p) { (void)p; }

static bool my_start(const clap_plugin_t *p) {
  MyPlug *mp = p->plugin_data;
  memset(mp->delay, 0, mp->max_frames * sizeof(float));
  puts("start"); // expect: syscall
  return true;
}

static void my_stop(const clap_plugin_t *p) { (void)p; }

static void my_reset(const clap_plugin_t *p) {
  MyPlug *mp = p->plugin_data;
  free(mp->delay); // expect: alloc
  mp->delay = NULL;
}

static clap_process_status my_process(const clap_plugin_t *p, const clap_process_t *proc) {
  MyPlug *mp = p->plugin_data;
  for (uint32_t ch = 0; ch < proc->audio_outputs[0].channel_count; ++ch)
    memcpy(proc->audio_outputs[0].data32[ch], proc->audio_inputs[0].data32[ch], proc->frames_count * sizeof(float));
  if (proc->frames_count > mp->max_frames)
    mp->delay = realloc(mp->delay, proc->frames_count * sizeof(float)); // expect: alloc
  return CLAP_PROCESS_CONTINUE;
}

static uint32_t params_count(const clap_plugin_t *p) { (void)p; return 1; }
static bool params_get_value(const clap_plugin_t *p, uint32_t id, double *v) { (void)p, (void)id; *v = 0.5; return true; }
static void params_flush(const clap_plugin_t *p, const clap_input_events_t *in, const clap_output_events_t *out) {
  (void)p, (void)out;
  fprintf(stderr, "flush %u events\n", in->size(in)); // expect: syscall
}

static const clap_plugin_params_t s_params = {params_count, params_get_value, params_flush};

static const void *my_get_extension(const clap_plugin_t *p, const char *id) {
  (void)p;
  return strcmp(id, CLAP_EXT_PARAMS) == 0 ? &s_params : NULL;
}

static void my_on_main_thread(const clap_plugin_t *p) { (void)p; }

static const clap_plugin_descriptor_t s_desc = {"org.example.rtcheck", "rtcheck"};

static const clap_plugin_t *create_plugin(const clap_plugin_factory_t *f, const clap_host_t *host, const char *id) {
  (void)f, (void)host, (void)id;
  MyPlug *mp = calloc(1, sizeof *mp);
  mp->plugin.desc = &s_desc;
  mp->plugin.plugin_data = mp;
  mp->plugin.init = my_init;
  mp->plugin.destroy = my_destroy;
  mp->plugin.activate = my_activate;
  mp->plugin.deactivate = my_deactivate;
  mp->plugin.start_processing = my_start;
  mp->plugin.stop_processing = my_stop;
  mp->plugin.reset = my_reset;
  mp->plugin.process = my_process;
  mp->plugin.get_extension = my_get_extension;
  mp->plugin.on_main_thread = my_on_main_thread;
  return &mp->plugin;
}

static uint32_t factory_count(const clap_plugin_factory_t *f) { (void)f; return 1; }
static const clap_plugin_factory_t s_factory = {factory_count, create_plugin};
static bool entry_init(const char *path) { (void)path; return true; }
static void entry_deinit(void) {}
static const void *entry_get_factory(const char *id) { (void)id; return &s_factory; }

CLAP_EXPORT const clap_plugin_entry_t clap_entry = {{1, 1, 0}, entry_init, entry_deinit, entry_get_factory};
