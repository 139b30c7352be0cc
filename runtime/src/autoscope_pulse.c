/* PulseAudio: the write and read request callbacks of a stream run in a scope named after them.
 * Budget: the bytes requested (or available) in each call / the stream's frame size / its rate, the
 * audio the call moves (the sample spec is fixed when the stream is created, before any callback is
 * set). A stream's record is released when its callback of that kind is replaced or cleared (a
 * stream freed and another allocated at its address replaces it then too). Prototypes as in
 * /usr/include/pulse/stream.h and sample.h (PulseAudio 16), written out so the shim needs no
 * PulseAudio headers or library. */
#include "autoscope.h"

#include <errno.h>
#include <stddef.h>

typedef struct pa_stream pa_stream;
typedef struct pa_sample_spec {
  int format;
  uint32_t rate;
  uint8_t channels;
} pa_sample_spec;
typedef void (*pa_stream_request_cb_t)(pa_stream *p, size_t nbytes, void *userdata);

void pa_stream_set_write_callback(pa_stream *p, pa_stream_request_cb_t cb, void *userdata);
void pa_stream_set_read_callback(pa_stream *p, pa_stream_request_cb_t cb, void *userdata);
const pa_sample_spec *pa_stream_get_sample_spec(pa_stream *s);
size_t pa_frame_size(const pa_sample_spec *spec);

AUTOSCOPE_DECLARE_REAL(pa_stream_set_write_callback);
AUTOSCOPE_DECLARE_REAL(pa_stream_set_read_callback);
AUTOSCOPE_DECLARE_REAL(pa_stream_get_sample_spec);
AUTOSCOPE_DECLARE_REAL(pa_frame_size);

static void request_tramp(pa_stream *s, size_t nbytes, void *p) {
  const rtcheck_autoscope *rec = p;
  uint64_t frames = rec->frame_bytes ? nbytes / rec->frame_bytes : 0;
  rtcheck_autoscope_begin(rec->name, rtcheck_autoscope_budget(frames, rec->rate));
  ((pa_stream_request_cb_t)rec->fn)(s, nbytes, rec->arg);
  rtcheck_autoscope_end();
}

static rtcheck_autoscope *prepare(int api, pa_stream *s, pa_stream_request_cb_t cb, void *user) {
  int e = errno;
  rtcheck_thread.guard++;
  rtcheck_autoscope *rec = rtcheck_autoscope_claim(api, s, (void *)cb, user);
  if (rec) {
    char name[RTCHECK_AUTOSCOPE_NAME_MAX];
    rtcheck_autoscope_callback_name((const void *)cb, name, sizeof name);
    rec->name = rtcheck_autoscope_intern(name, api, rtcheck_autoscope_registration[api]);
    __typeof__(&pa_stream_get_sample_spec) spec_of = AUTOSCOPE_REAL(pa_stream_get_sample_spec);
    __typeof__(&pa_frame_size) frame_size = AUTOSCOPE_REAL(pa_frame_size);
    const pa_sample_spec *spec = spec_of ? spec_of(s) : 0;
    if (spec && frame_size) {
      rec->rate = spec->rate;
      rec->frame_bytes = (uint32_t)frame_size(spec);
    }
  }
  rtcheck_thread.guard--;
  errno = e;
  return rec;
}

/* The callback is set (or cleared) on the stream: its earlier one of this kind no longer runs. */
static void settle(int api, pa_stream *s, const rtcheck_autoscope *rec) {
  int e = errno;
  rtcheck_autoscope_release_owner(s, api, rec);
  errno = e;
}

#define PULSE_REGISTRATION(api, fn)                                                                \
  RTCHECK_EXPORT void fn(pa_stream *s, pa_stream_request_cb_t cb, void *user) {                    \
    __typeof__(&fn) real = AUTOSCOPE_REAL(fn);                                                     \
    if (!real)                                                                                     \
      return;                                                                                      \
    rtcheck_autoscope *rec = cb && s ? prepare(api, s, cb, user) : 0;                              \
    if (rec)                                                                                       \
      real(s, request_tramp, rec);                                                                 \
    else                                                                                           \
      real(s, cb, user);                                                                           \
    settle(api, s, rec);                                                                           \
  }

PULSE_REGISTRATION(RTCHECK_AS_pulse_write, pa_stream_set_write_callback)
PULSE_REGISTRATION(RTCHECK_AS_pulse_read, pa_stream_set_read_callback)
