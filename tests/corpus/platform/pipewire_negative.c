/* A PipeWire process event (the tutorial's sine generator) that only dequeues, fills and queues a buffer: no finding. */
// compile-flags: -std=gnu11 -I/usr/include/pipewire-0.3 -I/usr/include/spa-0.2 -D_REENTRANT
#include <math.h>
#include <pipewire/pipewire.h>
#include <spa/param/audio/format-utils.h>

#define M_PI_M2 (M_PI + M_PI)
#define DEFAULT_RATE 44100
#define DEFAULT_CHANNELS 2
#define DEFAULT_VOLUME 0.7

struct data {
  struct pw_main_loop *loop;
  struct pw_stream *stream;
  double accumulator;
};

static void on_process(void *userdata) {
  struct data *data = userdata;
  struct pw_buffer *b;
  struct spa_buffer *buf;
  int i, c, n_frames, stride;
  int16_t *dst, val;

  if ((b = pw_stream_dequeue_buffer(data->stream)) == NULL)
    return;
  buf = b->buffer;
  if ((dst = buf->datas[0].data) == NULL)
    return;
  stride = sizeof(int16_t) * DEFAULT_CHANNELS;
  n_frames = buf->datas[0].maxsize / stride;
  if (b->requested)
    n_frames = SPA_MIN((int)b->requested, n_frames);
  for (i = 0; i < n_frames; i++) {
    data->accumulator += M_PI_M2 * 440 / DEFAULT_RATE;
    if (data->accumulator >= M_PI_M2)
      data->accumulator -= M_PI_M2;
    val = (int16_t)(sin(data->accumulator) * DEFAULT_VOLUME * 32767.0);
    for (c = 0; c < DEFAULT_CHANNELS; c++)
      *dst++ = val;
  }
  buf->datas[0].chunk->offset = 0;
  buf->datas[0].chunk->stride = stride;
  buf->datas[0].chunk->size = n_frames * stride;
  pw_stream_queue_buffer(data->stream, b);
}

static const struct pw_stream_events stream_events = {
    PW_VERSION_STREAM_EVENTS,
    .process = on_process,
};

int main(int argc, char *argv[]) {
  static struct data data;
  pw_init(&argc, &argv);
  data.loop = pw_main_loop_new(NULL);
  data.stream = pw_stream_new_simple(pw_main_loop_get_loop(data.loop), "audio-src",
                                     pw_properties_new(PW_KEY_MEDIA_TYPE, "Audio", NULL), &stream_events, &data);
  pw_main_loop_run(data.loop);
  return 0;
}
