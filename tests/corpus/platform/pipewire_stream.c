/* PipeWire: unannotated process events stored in pw_stream_events.process and pw_filter_events.process are audio roots; dequeue/queue and DSP buffers are safe, logging, thread-loop locks, stream control and property allocation are reported; other events (state_changed) are not roots. */
// compile-flags: -std=gnu11 -I/usr/include/pipewire-0.3 -I/usr/include/spa-0.2 -D_REENTRANT
#include <pipewire/filter.h>
#include <pipewire/pipewire.h>
#include <spa/param/audio/format-utils.h>
#include <stdlib.h>
#include <string.h>

struct data {
  struct pw_thread_loop *loop;
  struct pw_stream *stream;
  struct pw_filter *filter;
  void *in_port;
  float *scratch;
  double phase;
};

static void on_process(void *userdata) {
  struct data *d = userdata;
  struct pw_buffer *b = pw_stream_dequeue_buffer(d->stream);
  if (b == NULL) {
    pw_log_warn("out of buffers: %m"); // expect: syscall
    return;
  }
  struct spa_buffer *buf = b->buffer;
  float *dst = buf->datas[0].data;
  if (dst == NULL)
    return;
  uint32_t n = buf->datas[0].maxsize / sizeof(float);
  memset(dst, 0, n * sizeof(float));
  d->scratch = malloc(n * sizeof(float)); // expect: alloc
  pw_thread_loop_lock(d->loop); // expect: lock
  pw_thread_loop_signal(d->loop, false); // expect: lock
  pw_thread_loop_unlock(d->loop); // expect: lock
  buf->datas[0].chunk->offset = 0;
  buf->datas[0].chunk->stride = sizeof(float);
  buf->datas[0].chunk->size = n * sizeof(float);
  pw_stream_queue_buffer(d->stream, b);
}

static void on_filter_process(void *userdata, struct spa_io_position *position) {
  struct data *d = userdata;
  uint32_t n = position->clock.duration;
  float *in = pw_filter_get_dsp_buffer(d->in_port, n);
  if (in == NULL)
    pw_filter_set_active(d->filter, false); // expect: syscall
  struct pw_properties *props = pw_properties_new("node.latency", "256/48000", NULL); // expect: alloc
  pw_stream_update_properties(d->stream, &props->dict); // expect: syscall
}

static void on_state_changed(void *userdata, enum pw_stream_state old, enum pw_stream_state state,
                             const char *error) {
  (void)userdata;
  (void)old;
  fprintf(stderr, "state %s (%s)\n", pw_stream_state_as_string(state), error ? error : "");
}

static const struct pw_stream_events stream_events = {
    PW_VERSION_STREAM_EVENTS,
    .state_changed = on_state_changed,
    .process = on_process,
};

static const struct pw_filter_events filter_events = {
    PW_VERSION_FILTER_EVENTS,
    .process = on_filter_process,
};

int main(int argc, char *argv[]) {
  static struct data d;
  struct spa_hook stream_listener, filter_listener;
  pw_init(&argc, &argv);
  d.loop = pw_thread_loop_new("case", NULL);
  d.stream = pw_stream_new_simple(pw_thread_loop_get_loop(d.loop), "tone",
                                  pw_properties_new(PW_KEY_MEDIA_TYPE, "Audio", NULL), &stream_events, &d);
  pw_stream_add_listener(d.stream, &stream_listener, &stream_events, &d);
  d.filter = pw_filter_new_simple(pw_thread_loop_get_loop(d.loop), "dsp", NULL, &filter_events, &d);
  pw_filter_add_listener(d.filter, &filter_listener, &filter_events, &d);
  return pw_thread_loop_start(d.loop);
}
