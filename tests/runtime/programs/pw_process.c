/* A PipeWire client that makes its process events allocate: `pw_process stream` plays silence through
 * a pw_stream, `pw_process filter` runs a pw_filter with one DSP output port. Each runs two rounds of
 * half a second (create, connect, destroy: a client that closes and reopens); in the second round a
 * second listener with its own process function is added (PipeWire runs the process event of the
 * first listener that has one only: the count of the second must stay 0 under the shim). Both nodes
 * ask to be processed with no link (node.always-process), so a bare daemon with a driver node
 * schedules them. Every event checks that it gets the program's own data pointer. Prints
 * "process_a N process_b M wrong-data K". Unmodified: no scope markers. */
#include <pipewire/filter.h>
#include <pipewire/pipewire.h>
#include <spa/param/audio/format-utils.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int data_a, data_b; /* the two listeners' data */
static int count_a, count_b, wrong_data, states;

static void check_data(void *data, void *expected) { wrong_data += data != expected; }

static void stream_state_changed(void *data, enum pw_stream_state old, enum pw_stream_state state,
                                 const char *error) {
  (void)old, (void)state, (void)error;
  check_data(data, &data_a);
  states++;
}
static void filter_state_changed(void *data, enum pw_filter_state old, enum pw_filter_state state,
                                 const char *error) {
  (void)old, (void)state, (void)error;
  check_data(data, &data_a);
  states++;
}
static void stream_param_changed(void *data, uint32_t id, const struct spa_pod *param) {
  (void)id, (void)param;
  check_data(data, &data_a);
}
static void stream_io_changed(void *data, uint32_t id, void *area, uint32_t size) {
  (void)id, (void)area, (void)size;
  check_data(data, &data_a);
}

static struct pw_stream *stream;
static struct pw_filter *filter;
static void *port;

static void fill_stream(void) {
  struct pw_buffer *b = pw_stream_dequeue_buffer(stream);
  if (!b)
    return;
  struct spa_data *d = &b->buffer->datas[0];
  uint32_t frames = b->requested ? (uint32_t)b->requested : d->maxsize / sizeof(float);
  if (frames * sizeof(float) > d->maxsize)
    frames = d->maxsize / sizeof(float);
  if (d->data)
    memset(d->data, 0, frames * sizeof(float));
  d->chunk->offset = 0;
  d->chunk->stride = sizeof(float);
  d->chunk->size = frames * sizeof(float);
  pw_stream_queue_buffer(stream, b);
}

static void stream_process_a(void *data) {
  check_data(data, &data_a);
  free(malloc(64));
  count_a++;
  fill_stream();
}
static void stream_process_b(void *data) {
  check_data(data, &data_b);
  count_b++;
}

static void filter_process_a(void *data, struct spa_io_position *position) {
  check_data(data, &data_a);
  free(malloc(64));
  count_a++;
  if (position) {
    float *out = pw_filter_get_dsp_buffer(port, (uint32_t)position->clock.duration);
    if (out)
      memset(out, 0, position->clock.duration * sizeof(float));
  }
}
static void filter_process_b(void *data, struct spa_io_position *position) {
  (void)position;
  check_data(data, &data_b);
  count_b++;
}
static void filter_param_changed(void *data, void *port_data, uint32_t id,
                                 const struct spa_pod *param) {
  (void)port_data, (void)id, (void)param;
  check_data(data, &data_a);
}

static const struct pw_stream_events stream_a = {
    PW_VERSION_STREAM_EVENTS, .state_changed = stream_state_changed,
    .io_changed = stream_io_changed, .param_changed = stream_param_changed,
    .process = stream_process_a};
static const struct pw_stream_events stream_b = {0 /* an older events version */,
                                                 .process = stream_process_b};
static const struct pw_filter_events filter_a = {
    PW_VERSION_FILTER_EVENTS, .state_changed = filter_state_changed,
    .param_changed = filter_param_changed, .process = filter_process_a};
static const struct pw_filter_events filter_b = {0, .process = filter_process_b};

static struct pw_properties *props(const char *category) {
  return pw_properties_new(PW_KEY_MEDIA_TYPE, "Audio", PW_KEY_MEDIA_CATEGORY, category,
                           PW_KEY_NODE_ALWAYS_PROCESS, "true", "adapter.auto-port-config",
                           "{ mode = dsp monitor = false control = false position = preserve }",
                           NULL);
}

static int open_stream(struct pw_loop *loop, struct spa_hook *second) {
  stream = pw_stream_new_simple(loop, "rt-stream", props("Playback"), &stream_a, &data_a);
  if (!stream)
    return -1;
  if (second)
    pw_stream_add_listener(stream, second, &stream_b, &data_b);
  uint8_t buffer[1024];
  struct spa_pod_builder b = SPA_POD_BUILDER_INIT(buffer, sizeof(buffer));
  const struct spa_pod *params[1] = {spa_format_audio_raw_build(
      &b, SPA_PARAM_EnumFormat,
      &SPA_AUDIO_INFO_RAW_INIT(.format = SPA_AUDIO_FORMAT_F32, .channels = 1, .rate = 48000))};
  return pw_stream_connect(stream, PW_DIRECTION_OUTPUT, PW_ID_ANY,
                           PW_STREAM_FLAG_MAP_BUFFERS | PW_STREAM_FLAG_RT_PROCESS, params, 1);
}

static int open_filter(struct pw_loop *loop, struct spa_hook *second) {
  filter = pw_filter_new_simple(loop, "rt-filter", props("Filter"), &filter_a, &data_a);
  if (!filter)
    return -1;
  if (second)
    pw_filter_add_listener(filter, second, &filter_b, &data_b);
  port = pw_filter_add_port(filter, PW_DIRECTION_OUTPUT, PW_FILTER_PORT_FLAG_MAP_BUFFERS, 0,
                            pw_properties_new(PW_KEY_FORMAT_DSP, "32 bit float mono audio",
                                              PW_KEY_PORT_NAME, "out", NULL),
                            NULL, 0);
  return port ? pw_filter_connect(filter, PW_FILTER_FLAG_RT_PROCESS, NULL, 0) : -1;
}

static void stop(void *loop, uint64_t expirations) {
  (void)expirations;
  pw_main_loop_quit(loop);
}

int main(int argc, char **argv) {
  int use_filter = argc > 1 && strcmp(argv[1], "filter") == 0;
  pw_init(&argc, &argv);
  struct pw_main_loop *main_loop = pw_main_loop_new(NULL);
  struct pw_loop *loop = pw_main_loop_get_loop(main_loop);
  struct spa_source *timer = pw_loop_add_timer(loop, stop, main_loop);
  for (int round = 0; round < 2; round++) {
    struct spa_hook second;
    spa_zero(second);
    int r = use_filter ? open_filter(loop, round ? &second : NULL)
                       : open_stream(loop, round ? &second : NULL);
    if (r < 0)
      return 2;
    struct timespec half = {0, 500000000};
    pw_loop_update_timer(loop, timer, &half, NULL, false);
    pw_main_loop_run(main_loop);
    if (use_filter)
      pw_filter_destroy(filter);
    else
      pw_stream_destroy(stream);
  }
  pw_main_loop_destroy(main_loop);
  pw_deinit();
  printf("process_a %d process_b %d wrong-data %d\n", count_a, count_b, wrong_data);
  return count_a > 0 && states > 0 ? 0 : 3;
}
