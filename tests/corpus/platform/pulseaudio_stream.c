/* PulseAudio: unannotated stream write and read callbacks (pa_stream_set_write_callback / pa_stream_set_read_callback) are audio roots; pa_stream_begin_write/write/drop and the threaded-mainloop lock are reported, size/latency queries and pa_stream_peek are not. */
// compile-flags: -std=gnu11
#include <pulse/pulseaudio.h>
#include <pulse/thread-mainloop.h>
#include <string.h>

static pa_threaded_mainloop *g_loop;
static float g_level;

static void on_write(pa_stream *s, size_t nbytes, void *userdata) {
  (void)userdata;
  size_t writable = pa_stream_writable_size(s);
  void *buf = NULL;
  if (pa_stream_begin_write(s, &buf, &nbytes) < 0) // expect: alloc
    return;
  memset(buf, 0, nbytes < writable ? nbytes : writable);
  pa_stream_write(s, buf, nbytes, NULL, 0, PA_SEEK_RELATIVE); // expect: alloc
  pa_threaded_mainloop_signal(g_loop, 0); // expect: lock
}

static void on_read(pa_stream *s, size_t nbytes, void *userdata) {
  (void)userdata;
  const void *data;
  pa_usec_t latency;
  int negative;
  pa_stream_get_latency(s, &latency, &negative);
  if (pa_stream_peek(s, &data, &nbytes) < 0 || data == NULL)
    return;
  g_level = ((const float *)data)[0];
  pa_stream_drop(s); // expect: alloc
  pa_stream_cork(s, 1, NULL, NULL); // expect: syscall
}

int main(void) {
  pa_sample_spec ss = {PA_SAMPLE_FLOAT32LE, 48000, 2};
  g_loop = pa_threaded_mainloop_new();
  pa_context *ctx = pa_context_new(pa_threaded_mainloop_get_api(g_loop), "case");
  pa_stream *play = pa_stream_new(ctx, "play", &ss, NULL);
  pa_stream *rec = pa_stream_new(ctx, "rec", &ss, NULL);
  pa_stream_set_write_callback(play, on_write, NULL);
  pa_stream_set_read_callback(rec, on_read, NULL);
  return pa_threaded_mainloop_start(g_loop);
}
