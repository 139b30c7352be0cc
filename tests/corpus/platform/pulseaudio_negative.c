/* A PulseAudio write callback that only inspects the stream (state, writable size, latency, timing info) and hands the request to a worker through an atomic: no finding. */
// compile-flags: -std=gnu11
#include <pulse/pulseaudio.h>
#include <stdatomic.h>

static atomic_size_t g_requested;
static atomic_ullong g_latency_us;

static void on_write(pa_stream *s, size_t nbytes, void *userdata) {
  (void)userdata;
  if (pa_stream_get_state(s) != PA_STREAM_READY)
    return;
  size_t writable = pa_stream_writable_size(s);
  pa_usec_t latency = 0;
  int negative = 0;
  if (pa_stream_get_latency(s, &latency, &negative) == 0 && !negative)
    atomic_store_explicit(&g_latency_us, latency, memory_order_relaxed);
  const pa_timing_info *ti = pa_stream_get_timing_info(s);
  if (ti != NULL && ti->playing)
    atomic_fetch_add_explicit(&g_requested, nbytes < writable ? nbytes : writable, memory_order_release);
}

void attach(pa_stream *s) { pa_stream_set_write_callback(s, on_write, NULL); }
