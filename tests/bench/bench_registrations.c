/* Stand-ins for the registration functions of PipeWire, GStreamer and RtAudio: each keeps what it
 * is given, so BM_Wrapped* can call the callback the way the library would. Loaded by the benchmark
 * with RTLD_GLOBAL and reached through dlsym(RTLD_DEFAULT): under the shim the call lands in the
 * shim's wrapper, which registers its trampoline here; without it, here directly. */
#include <stddef.h>

__attribute__((visibility("default"))) const void *bench_events;     /* an events/callbacks struct */
__attribute__((visibility("default"))) void *bench_callback;         /* a callback */
__attribute__((visibility("default"))) void *bench_data;             /* its data */

void pw_stream_add_listener(void *stream, void *listener, const void *events, void *data) {
  (void)stream, (void)listener;
  bench_events = events;
  bench_data = data;
}

void pw_filter_add_listener(void *filter, void *listener, const void *events, void *data) {
  (void)filter, (void)listener;
  bench_events = events;
  bench_data = data;
}

void gst_app_sink_set_callbacks(void *sink, void *callbacks, void *data, void (*notify)(void *)) {
  (void)sink, (void)notify;
  bench_events = callbacks;
  bench_data = data;
}

void gst_app_src_set_callbacks(void *src, void *callbacks, void *data, void (*notify)(void *)) {
  (void)src, (void)notify;
  bench_events = callbacks;
  bench_data = data;
}

unsigned long gst_pad_add_probe(void *pad, unsigned mask, void *callback, void *data,
                                void (*destroy)(void *)) {
  (void)pad, (void)mask, (void)destroy;
  bench_callback = callback;
  bench_data = data;
  return 1;
}

/* RtAudio 5.2's RtAudio::openStream. */
void rtaudio_open_stream(void *self, void *out, void *in, unsigned long format, unsigned rate,
                         unsigned *frames, void *callback, void *data, void *options,
                         void *error_callback)
    __asm__("_ZN7RtAudio10openStreamEPNS_16StreamParametersES1_mjPjPFiPvS3_jdjS3_ES3_PNS_13Stream"
            "OptionsEPFvN12RtAudioError4TypeERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEE");
void rtaudio_open_stream(void *self, void *out, void *in, unsigned long format, unsigned rate,
                         unsigned *frames, void *callback, void *data, void *options,
                         void *error_callback) {
  (void)self, (void)out, (void)in, (void)format, (void)rate, (void)frames, (void)options,
      (void)error_callback;
  bench_callback = callback;
  bench_data = data;
}

/* An LV2 plug-in with the worker interface, whose end_run does nothing (BM_WrappedLv2EndRun: the
 * benchmark looks lv2_descriptor up with dlsym on this library, as a host does). */
#include <lv2/core/lv2.h>
#include <lv2/worker/worker.h>
#include <string.h>

static int lv2_instance;

static LV2_Handle lv2_instantiate(const LV2_Descriptor *d, double rate, const char *path,
                                  const LV2_Feature *const *features) {
  (void)d, (void)rate, (void)path, (void)features;
  return &lv2_instance;
}
static void lv2_run(LV2_Handle h, uint32_t frames) {
  __asm__ volatile("" : : "r"(h), "r"(frames) : "memory");
}
static LV2_Worker_Status lv2_work(LV2_Handle h, LV2_Worker_Respond_Function respond,
                                  LV2_Worker_Respond_Handle handle, uint32_t size, const void *data) {
  (void)h, (void)respond, (void)handle, (void)size, (void)data;
  return LV2_WORKER_SUCCESS;
}
static LV2_Worker_Status lv2_end_run(LV2_Handle h) {
  __asm__ volatile("" : : "r"(h) : "memory");
  return LV2_WORKER_SUCCESS;
}
static const LV2_Worker_Interface lv2_worker = {lv2_work, 0, lv2_end_run};
static const void *lv2_extension_data(const char *uri) {
  return strcmp(uri, LV2_WORKER__interface) == 0 ? &lv2_worker : 0;
}
static void lv2_cleanup(LV2_Handle h) { (void)h; }
static const LV2_Descriptor lv2_bench = {"urn:rtcheck:bench-worker", lv2_instantiate, 0, 0, lv2_run,
                                         0, lv2_cleanup, lv2_extension_data};

__attribute__((visibility("default"))) const LV2_Descriptor *lv2_descriptor(uint32_t index) {
  return index == 0 ? &lv2_bench : 0;
}

/* A CLAP plug-in whose process does nothing (BM_WrappedClapProcess: the benchmark looks clap_entry
 * up with dlsym on this library and walks factory -> create_plugin -> activate, as a host does).
 * Its struct is writable, as a plug-in's usually is: the shim patches it in place. */
#include "clap_abi.h"

static clap_plugin_t clap_instance;

static bool clap_true(const clap_plugin_t *p) { return p != 0; }
static void clap_void(const clap_plugin_t *p) { (void)p; }
static bool clap_activate(const clap_plugin_t *p, double rate, uint32_t min, uint32_t max) {
  (void)min, (void)max;
  return p && rate > 0;
}
static clap_process_status clap_process(const clap_plugin_t *p, const clap_process_t *pr) {
  __asm__ volatile("" : : "r"(p), "r"(pr) : "memory");
  return RTCHECK_CLAP_PROCESS_CONTINUE;
}
static const void *clap_extension(const clap_plugin_t *p, const char *id) {
  (void)p, (void)id;
  return 0;
}
static const clap_plugin_descriptor_t clap_desc = {
    {1, 2, 0}, "org.rtcheck.bench.empty", "empty", "rtcheck", "", "", "", "1.0", "", 0};
static const clap_plugin_t *clap_create(const clap_plugin_factory_t *f, const clap_host_t *host,
                                        const char *id) {
  (void)f, (void)host, (void)id;
  clap_instance =
      (clap_plugin_t){&clap_desc, 0,         clap_true, clap_void,    clap_activate,  clap_void,
                      clap_true,  clap_void, clap_void, clap_process, clap_extension, clap_void};
  return &clap_instance;
}
static uint32_t clap_count(const clap_plugin_factory_t *f) { return f != 0; }
static const clap_plugin_descriptor_t *clap_descriptor(const clap_plugin_factory_t *f, uint32_t i) {
  return f && i == 0 ? &clap_desc : 0;
}
static const clap_plugin_factory_t clap_factory = {clap_count, clap_descriptor, clap_create};
static bool clap_init(const char *path) { return path != 0; }
static void clap_deinit(void) {}
static const void *clap_get_factory(const char *id) {
  return strcmp(id, RTCHECK_CLAP_PLUGIN_FACTORY_ID) == 0 ? &clap_factory : 0;
}
__attribute__((visibility("default")))
const clap_plugin_entry_t clap_entry = {{1, 2, 0}, clap_init, clap_deinit, clap_get_factory};
