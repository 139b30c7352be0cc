/* A small CLAP host for the shim's tests: loads a .clap library with dlopen and walks
 * clap_entry -> init -> plug-in factory -> create_plugin -> init -> audio-ports and params
 * extensions -> activate -> (in the audio thread: params flush, start_processing, process N blocks,
 * stop_processing, reset) -> deactivate -> destroy -> deinit, then prints what a behaviour change
 * would show: the plug-ins' ports and parameters, and a checksum of every output sample.
 *
 *   rt_clap_host LIBRARY PLUGIN_ID [key=value...]
 *     rate=48000 block=256 blocks=64  activation: sample rate, frames per process call, calls
 *     instances=1 threads=0           several instances; threads=1: each in its own audio thread
 *     rerate=0 reblock=0              then deactivate and run again activated at this rate
 *     reinit=0                        then this many times: deinit, init, another session
 * Audio: the first input and output port's channels (clap.audio-ports). The host changes the first
 * parameter (clap.params) to 3/4 of its range: by a flush in the audio thread before processing,
 * and by an event in the middle block.
 *
 * Exit status 0, or 1 with a message naming what failed. */
#include "clap_abi.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INSTANCES 16
#define MAX_BLOCK 8192
#define MAX_CHANNELS 8

static struct {
  double rate, rerate;
  unsigned block, blocks, instances, threads, reblock, reinit;
} opt = {48000, 0, 256, 64, 1, 0, 0, 0};

static void fail(const char *what) {
  fprintf(stderr, "rt_clap_host: %s\n", what);
  exit(1);
}

/* --- Event lists: an input list holding at most one parameter change, an output list that drops */

typedef struct event_list {
  clap_input_events_t in;
  clap_event_param_value_t event;
  int has_event;
} event_list;

static uint32_t in_size(const clap_input_events_t *l) { return ((const event_list *)l)->has_event; }
static const clap_event_header_t *in_get(const clap_input_events_t *l, uint32_t i) {
  const event_list *e = (const event_list *)l;
  return e->has_event && i == 0 ? &e->event.header : NULL;
}
static bool out_push(const clap_output_events_t *l, const clap_event_header_t *e) {
  (void)l, (void)e;
  return true;
}
static const clap_output_events_t out_events = {NULL, out_push};

static void set_param(event_list *l, clap_id id, double value) {
  memset(l, 0, sizeof *l);
  l->in.size = in_size;
  l->in.get = in_get;
  l->event.header.size = sizeof l->event;
  l->event.header.space_id = RTCHECK_CLAP_CORE_EVENT_SPACE_ID;
  l->event.header.type = RTCHECK_CLAP_EVENT_PARAM_VALUE;
  l->event.param_id = id;
  l->event.note_id = -1;
  l->event.port_index = l->event.channel = l->event.key = -1;
  l->event.value = value;
  l->has_event = 1;
}

/* --- The host the plug-ins get ------------------------------------------------------------------
 */

static const void *host_extension(const clap_host_t *h, const char *id) {
  (void)h, (void)id;
  return NULL;
}
static void host_request(const clap_host_t *h) { (void)h; }
static const clap_host_t host = {{1, 2, 0},    NULL,        "rt_clap_host", "rtcheck",
                                 "",           "1.0",       host_extension, host_request,
                                 host_request, host_request};

/* --- One instance -------------------------------------------------------------------------------
 */

typedef struct instance {
  const clap_plugin_t *plugin;
  const clap_plugin_params_t *params;
  unsigned channels[2]; /* of the first output and input port (audio-ports); 0: no such port */
  int has_param;        /* the first parameter, which the host changes */
  clap_id param_id;
  double param_value;
  unsigned index, block, blocks;
  float *buffers;          /* MAX_CHANNELS inputs, then MAX_CHANNELS outputs, of MAX_BLOCK frames */
  unsigned long long hash; /* FNV-1a over its output samples */
} instance;

static void hash_bytes(unsigned long long *h, const void *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    *h = (*h ^ ((const unsigned char *)p)[i]) * 0x100000001b3ull;
}

/* The audio thread's part: flush a parameter change, start, process, stop, reset. */
static void *run_audio(void *arg) {
  instance *in = arg;
  unsigned n_in = in->channels[1], n_out = in->channels[0];
  float *in_ptrs[MAX_CHANNELS], *out_ptrs[MAX_CHANNELS];
  for (unsigned c = 0; c < MAX_CHANNELS; c++) {
    in_ptrs[c] = in->buffers + c * MAX_BLOCK;
    out_ptrs[c] = in->buffers + (MAX_CHANNELS + c) * MAX_BLOCK;
  }
  float *const *inputs = in_ptrs, *const *outputs = out_ptrs;
  clap_audio_buffer_t audio_in = {in_ptrs, NULL, n_in, 0, 0};
  clap_audio_buffer_t audio_out = {out_ptrs, NULL, n_out, 0, 0};
  event_list none, change;
  set_param(&none, 0, 0);
  none.has_event = 0;
  set_param(&change, in->param_id, in->param_value);
  if (in->has_param)
    in->params->flush(in->plugin, &change.in, &out_events); /* active: an audio-thread call */
  if (in->plugin->start_processing && !in->plugin->start_processing(in->plugin))
    fail("start_processing failed");
  for (unsigned b = 0; b < in->blocks; b++) {
    for (unsigned c = 0; c < n_in; c++)
      for (unsigned i = 0; i < in->block; i++)
        inputs[c][i] = (float)(((b * in->block + i) * (c + 1) + in->index * 7) % 97) / 97.0f - 0.5f;
    clap_process_t pr = {(int64_t)b * in->block,
                         in->block,
                         NULL,
                         &audio_in,
                         &audio_out,
                         n_in > 0,
                         n_out > 0,
                         &none.in,
                         &out_events};
    if (b == in->blocks / 2 && in->has_param)
      pr.in_events = &change.in; /* a parameter change inside a block, too */
    if (in->plugin->process(in->plugin, &pr) == RTCHECK_CLAP_PROCESS_ERROR)
      fail("process returned CLAP_PROCESS_ERROR");
    for (unsigned c = 0; c < n_out; c++)
      hash_bytes(&in->hash, outputs[c], in->block * sizeof(float));
  }
  if (in->plugin->stop_processing)
    in->plugin->stop_processing(in->plugin);
  if (in->plugin->reset)
    in->plugin->reset(in->plugin);
  return NULL;
}

static void process_all(instance *all, unsigned n, unsigned block) {
  pthread_t threads[MAX_INSTANCES];
  for (unsigned i = 0; i < n; i++) {
    all[i].block = block;
    all[i].blocks = opt.blocks;
    if (opt.threads && pthread_create(&threads[i], NULL, run_audio, &all[i]) != 0)
      fail("pthread_create failed");
    if (!opt.threads)
      run_audio(&all[i]);
  }
  for (unsigned i = 0; opt.threads && i < n; i++)
    pthread_join(threads[i], NULL);
}

static void activate_all(instance *all, unsigned n, double rate, unsigned block) {
  for (unsigned i = 0; i < n; i++)
    if (!all[i].plugin->activate(all[i].plugin, rate, 1, block))
      fail("activate failed");
}

static void deactivate_all(instance *all, unsigned n) {
  for (unsigned i = 0; i < n; i++)
    all[i].plugin->deactivate(all[i].plugin);
}

/* One session on an initialised entry: returns the combined checksum of its instances. */
static unsigned long long session(const clap_plugin_entry_t *entry, const char *id, int report) {
  const clap_plugin_factory_t *factory = entry->get_factory(RTCHECK_CLAP_PLUGIN_FACTORY_ID);
  if (!factory)
    fail("no plug-in factory");
  const clap_plugin_descriptor_t *desc = NULL;
  for (uint32_t i = 0, n = factory->get_plugin_count(factory); i < n && !desc; i++) {
    const clap_plugin_descriptor_t *d = factory->get_plugin_descriptor(factory, i);
    if (d && d->id && strcmp(d->id, id) == 0)
      desc = d;
  }
  if (!desc)
    fail("the factory does not list the plug-in id");
  instance all[MAX_INSTANCES];
  memset(all, 0, sizeof all);
  for (unsigned i = 0; i < opt.instances; i++) {
    instance *in = &all[i];
    in->index = i;
    in->hash = 0xcbf29ce484222325ull;
    in->plugin = factory->create_plugin(factory, &host, id);
    if (!in->plugin || !in->plugin->init(in->plugin))
      fail("create_plugin or init failed");
    const clap_plugin_audio_ports_t *ports =
        in->plugin->get_extension(in->plugin, RTCHECK_CLAP_EXT_AUDIO_PORTS);
    in->params = in->plugin->get_extension(in->plugin, RTCHECK_CLAP_EXT_PARAMS);
    clap_param_info_t first;
    if (in->params && in->params->count(in->plugin) > 0 &&
        in->params->get_info(in->plugin, 0, &first)) {
      in->has_param = 1;
      in->param_id = first.id;
      in->param_value = first.min_value + 0.75 * (first.max_value - first.min_value);
    }
    in->buffers = calloc(2 * MAX_CHANNELS * MAX_BLOCK, sizeof(float));
    if (!in->buffers)
      fail("out of memory");
    for (int is_input = 0; ports && is_input <= 1; is_input++) {
      clap_audio_port_info_t info;
      if (ports->count(in->plugin, is_input) > 0 && ports->get(in->plugin, 0, is_input, &info))
        in->channels[is_input] = info.channel_count;
      if (in->channels[is_input] > MAX_CHANNELS)
        fail("more channels than the host has buffers for");
    }
    if (report && i == 0) {
      printf("plugin %s (%s)\n", desc->id, desc->name);
      for (int is_input = 1; ports && is_input >= 0; is_input--) {
        clap_audio_port_info_t info;
        for (uint32_t p = 0, n = ports->count(in->plugin, is_input); p < n; p++)
          if (ports->get(in->plugin, p, is_input, &info))
            printf("port %s %u %s %u channels\n", is_input ? "in" : "out", p, info.name,
                   info.channel_count);
      }
      for (uint32_t p = 0, n = in->params ? in->params->count(in->plugin) : 0; p < n; p++) {
        clap_param_info_t info;
        double value = 0;
        char text[64] = "";
        if (in->params->get_info(in->plugin, p, &info) &&
            in->params->get_value(in->plugin, info.id, &value))
          in->params->value_to_text(in->plugin, info.id, value, text, sizeof text);
        printf("param %u %s = %s\n", p, info.name, text);
      }
    }
    if (in->params) { /* inactive: a main-thread call */
      event_list none;
      set_param(&none, 0, 0);
      none.has_event = 0;
      in->params->flush(in->plugin, &none.in, &out_events);
    }
  }
  activate_all(all, opt.instances, opt.rate, opt.block);
  process_all(all, opt.instances, opt.block);
  if (opt.rerate > 0) {
    deactivate_all(all, opt.instances);
    activate_all(all, opt.instances, opt.rerate, opt.reblock ? opt.reblock : opt.block);
    process_all(all, opt.instances, opt.reblock ? opt.reblock : opt.block);
  }
  deactivate_all(all, opt.instances);
  unsigned long long hash = 0xcbf29ce484222325ull;
  for (unsigned i = 0; i < opt.instances; i++) {
    all[i].plugin->destroy(all[i].plugin);
    free(all[i].buffers);
    hash_bytes(&hash, &all[i].hash, sizeof all[i].hash);
  }
  return hash;
}

int main(int argc, char **argv) {
  if (argc < 3)
    fail("usage: rt_clap_host LIBRARY PLUGIN_ID [key=value...]");
  for (int i = 3; i < argc; i++) {
    const char *eq = strchr(argv[i], '=');
    double v = eq ? atof(eq + 1) : 0;
    size_t n = eq ? (size_t)(eq - argv[i]) : 0;
#define KEY(name) (n == sizeof #name - 1 && strncmp(argv[i], #name, n) == 0)
    if (KEY(rate))
      opt.rate = v;
    else if (KEY(rerate))
      opt.rerate = v;
    else if (KEY(block))
      opt.block = (unsigned)v;
    else if (KEY(reblock))
      opt.reblock = (unsigned)v;
    else if (KEY(blocks))
      opt.blocks = (unsigned)v;
    else if (KEY(instances))
      opt.instances = (unsigned)v;
    else if (KEY(threads))
      opt.threads = (unsigned)v;
    else if (KEY(reinit))
      opt.reinit = (unsigned)v;
    else
      fail("unknown option");
  }
  if (opt.block == 0 || opt.block > MAX_BLOCK || opt.reblock > MAX_BLOCK || opt.instances == 0 ||
      opt.instances > MAX_INSTANCES)
    fail("block or instances out of range");

  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib)
    fail(dlerror());
  const clap_plugin_entry_t *entry = dlsym(lib, "clap_entry");
  if (!entry || entry->clap_version.major < 1)
    fail("no clap_entry of CLAP 1.x");
  if (!entry->init(argv[1]))
    fail("clap_entry.init failed");
  const void *presets = entry->get_factory("clap.preset-discovery-factory");
  const void *exported = dlsym(lib, "rt_clap_preset_factory");
  if (exported)
    printf("preset-factory %s\n", presets == exported ? "same" : "different");
  unsigned long long hash = session(entry, argv[2], 1);
  int same = 1;
  for (unsigned i = 0; i < opt.reinit; i++) {
    entry->deinit();
    if (!entry->init(argv[1]))
      fail("clap_entry.init failed after deinit");
    same &= session(entry, argv[2], 0) == hash;
  }
  if (opt.reinit)
    printf("reinit %s\n", same ? "same" : "different");
  entry->deinit();
  printf("checksum %016llx\n", hash);
  dlclose(lib);
  return 0;
}
