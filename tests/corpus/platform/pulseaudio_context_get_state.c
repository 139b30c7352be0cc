/* PulseAudio: pa_context_get_state is an accessor (reads the context's state field), unlike the pa_context_* calls that send a command to the server. */
// compile-flags: -std=gnu11
#include <pulse/pulseaudio.h>

static pa_context *g_ctx;
static int g_ready;

static void on_write(pa_stream *s, size_t nbytes, void *userdata) {
  (void)s, (void)nbytes, (void)userdata;
  g_ready = pa_context_get_state(g_ctx) == PA_CONTEXT_READY;
  if (!g_ready)
    pa_context_drain(g_ctx, NULL, NULL); // expect: syscall
}

void start(pa_stream *s) { pa_stream_set_write_callback(s, on_write, NULL); }
