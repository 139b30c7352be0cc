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
