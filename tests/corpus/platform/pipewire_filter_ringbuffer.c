/* A PipeWire filter process event that moves DSP samples through a spa_ringbuffer (SPA's lock-free ring, header-inline) to a non-RT reader: no finding. */
// compile-flags: -std=gnu11 -I/usr/include/pipewire-0.3 -I/usr/include/spa-0.2 -D_REENTRANT
#include <pipewire/filter.h>
#include <pipewire/pipewire.h>
#include <spa/utils/ringbuffer.h>

#define RB_SIZE (1u << 14)
#define RB_MASK (RB_SIZE - 1)

struct data {
  void *in_port;
  struct spa_ringbuffer ring;
  float samples[RB_SIZE];
};

static void on_process(void *userdata, struct spa_io_position *position) {
  struct data *d = userdata;
  uint32_t n = position->clock.duration;
  const float *in = pw_filter_get_dsp_buffer(d->in_port, n);
  if (in == NULL)
    return;
  uint32_t index;
  int32_t filled = spa_ringbuffer_get_write_index(&d->ring, &index);
  if (filled < 0 || (uint32_t)filled + n * sizeof(float) > sizeof d->samples)
    return;
  spa_ringbuffer_write_data(&d->ring, d->samples, sizeof d->samples, index & (sizeof d->samples - 1), in, n * sizeof(float));
  spa_ringbuffer_write_update(&d->ring, index + n * sizeof(float));
}

static const struct pw_filter_events filter_events = {
    PW_VERSION_FILTER_EVENTS,
    .process = on_process,
};

void attach(struct pw_filter *filter, struct spa_hook *listener, struct data *d) {
  spa_ringbuffer_init(&d->ring);
  pw_filter_add_listener(filter, listener, &filter_events, d);
}
