/* PortAudio: the stream callback of Pa_OpenStream and Pa_OpenDefaultStream runs in a scope named
 * after it. Budget: each call's frameCount / the stream's sample rate (with
 * paFramesPerBufferUnspecified the frame count varies per call). The record is released by
 * Pa_CloseStream. Prototypes as in /usr/include/portaudio.h (PortAudio v19), written out so the
 * shim needs no PortAudio headers or library. A PortAudio stream on the JACK host API also shows
 * PortAudio's own JACK process callback, as the outer scope of the program's. */
#include "autoscope.h"

#include <errno.h>

typedef int PaError;
typedef void PaStream;
typedef unsigned long PaStreamFlags;
typedef unsigned long PaSampleFormat;
typedef unsigned long PaStreamCallbackFlags;
typedef struct PaStreamParameters PaStreamParameters;
typedef struct PaStreamCallbackTimeInfo PaStreamCallbackTimeInfo;
typedef int PaStreamCallback(const void *input, void *output, unsigned long frames,
                             const PaStreamCallbackTimeInfo *time, PaStreamCallbackFlags flags,
                             void *user);

PaError Pa_OpenStream(PaStream **stream, const PaStreamParameters *in,
                      const PaStreamParameters *out, double rate, unsigned long frames,
                      PaStreamFlags flags, PaStreamCallback *cb, void *user);
PaError Pa_OpenDefaultStream(PaStream **stream, int inputs, int outputs, PaSampleFormat format,
                             double rate, unsigned long frames, PaStreamCallback *cb, void *user);
PaError Pa_CloseStream(PaStream *stream);

AUTOSCOPE_DECLARE_REAL(Pa_OpenStream);
AUTOSCOPE_DECLARE_REAL(Pa_OpenDefaultStream);
AUTOSCOPE_DECLARE_REAL(Pa_CloseStream);

#define PA_NO_ERROR 0
#define PA_INTERNAL_ERROR (-9986) /* paInternalError */

static int stream_tramp(const void *input, void *output, unsigned long frames,
                        const PaStreamCallbackTimeInfo *time, PaStreamCallbackFlags flags,
                        void *p) {
  const rtcheck_autoscope *rec = p;
  rtcheck_autoscope_begin(rec->name, rtcheck_autoscope_budget(frames, rec->rate));
  int r = ((PaStreamCallback *)rec->fn)(input, output, frames, time, flags, rec->arg);
  rtcheck_autoscope_end();
  return r;
}

/* A named record for `cb`, or 0 (pool full, or no callback: a blocking-I/O stream). */
static rtcheck_autoscope *prepare(int api, PaStreamCallback *cb, void *user, double rate) {
  if (!cb)
    return 0;
  int e = errno;
  rtcheck_thread.guard++;
  rtcheck_autoscope *rec = rtcheck_autoscope_claim(api, 0, (void *)cb, user);
  if (rec) {
    char name[RTCHECK_AUTOSCOPE_NAME_MAX];
    rtcheck_autoscope_callback_name((const void *)cb, name, sizeof name);
    rec->name = rtcheck_autoscope_intern(name, api, rtcheck_autoscope_registration[api]);
    rec->rate = rate > 0 ? (uint32_t)(rate + 0.5) : 0;
  }
  rtcheck_thread.guard--;
  errno = e;
  return rec;
}

/* The stream owns the record from now on; a failed open never calls it. */
static void settle(rtcheck_autoscope *rec, PaError status, PaStream **stream) {
  if (!rec)
    return;
  if (status == PA_NO_ERROR && stream && *stream)
    rtcheck_autoscope_set_owner(rec, *stream);
  else
    rtcheck_autoscope_release(rec);
}

RTCHECK_EXPORT PaError Pa_OpenStream(PaStream **stream, const PaStreamParameters *in,
                                     const PaStreamParameters *out, double rate,
                                     unsigned long frames, PaStreamFlags flags,
                                     PaStreamCallback *cb, void *user) {
  __typeof__(&Pa_OpenStream) real = AUTOSCOPE_REAL(Pa_OpenStream);
  if (!real)
    return PA_INTERNAL_ERROR;
  rtcheck_autoscope *rec = prepare(RTCHECK_AS_pa_stream, cb, user, rate);
  if (!rec)
    return real(stream, in, out, rate, frames, flags, cb, user);
  PaError r = real(stream, in, out, rate, frames, flags, stream_tramp, rec);
  settle(rec, r, stream);
  return r;
}

RTCHECK_EXPORT PaError Pa_OpenDefaultStream(PaStream **stream, int inputs, int outputs,
                                            PaSampleFormat format, double rate,
                                            unsigned long frames, PaStreamCallback *cb,
                                            void *user) {
  __typeof__(&Pa_OpenDefaultStream) real = AUTOSCOPE_REAL(Pa_OpenDefaultStream);
  if (!real)
    return PA_INTERNAL_ERROR;
  rtcheck_autoscope *rec = prepare(RTCHECK_AS_pa_default_stream, cb, user, rate);
  if (!rec)
    return real(stream, inputs, outputs, format, rate, frames, cb, user);
  PaError r = real(stream, inputs, outputs, format, rate, frames, stream_tramp, rec);
  settle(rec, r, stream);
  return r;
}

RTCHECK_EXPORT PaError Pa_CloseStream(PaStream *stream) {
  __typeof__(&Pa_CloseStream) real = AUTOSCOPE_REAL(Pa_CloseStream);
  if (!real)
    return PA_INTERNAL_ERROR;
  PaError r = real(stream);
  /* Pa_CloseStream stops the stream first: its callback does not run any more. */
  if (r == PA_NO_ERROR) {
    int e = errno;
    rtcheck_autoscope_release_owner(stream, -1, 0);
    errno = e;
  }
  return r;
}
