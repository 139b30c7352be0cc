/* RtAudio: the stream callback given to RtAudio::openStream runs in a scope named after it. Budget:
 * each call's nFrames / the sample rate given to openStream.
 *
 * RtAudio::openStream is a C++ member function defined in librtaudio: the shim defines its mangled
 * symbol (RtAudio 5.2, Debian 12's librtaudio6) with `this` as the first argument, and calls the
 * library's. Another RtAudio version mangles differently (6.x returns RtAudioErrorType and takes
 * another error callback type): its programs are not wrapped. RtAudio::closeStream is inline
 * (a virtual call inside the library), so an RtAudio object's records are released by its
 * destructor only (not at its next openStream: with an error callback, an openStream refused
 * because a stream is open returns normally while the old callback still runs); an object that
 * reopens many streams holds a record for each until then, and when the pool is full its callbacks
 * are registered unchanged. openStream reports errors by throwing RtAudioError, which unwinds
 * through the wrapper (x86-64 unwind tables; no cleanup code, so the shim needs no libgcc_s): the
 * record claimed for a failed open belongs to the object too and goes with its destructor. */
#include "autoscope.h"

#include <errno.h>

typedef int (*rtaudio_callback)(void *output, void *input, unsigned int frames, double stream_time,
                                unsigned int status, void *user_data);

#define RTAUDIO_OPEN_STREAM                                                                        \
  "_ZN7RtAudio10openStreamEPNS_16StreamParametersES1_mjPjPFiPvS3_jdjS3_ES3_PNS_13StreamOptionsEPFv" \
  "N12RtAudioError4TypeERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEE"
#define RTAUDIO_DTOR_COMPLETE "_ZN7RtAudioD1Ev"
#define RTAUDIO_DTOR_BASE "_ZN7RtAudioD2Ev"

typedef void (*open_stream_fn)(void *self, void *output_params, void *input_params,
                               unsigned long format, unsigned int rate, unsigned int *buffer_frames,
                               rtaudio_callback callback, void *user_data, void *options,
                               void *error_callback);
typedef void (*dtor_fn)(void *self);

void rtaudio_open_stream(void *self, void *output_params, void *input_params, unsigned long format,
                         unsigned int rate, unsigned int *buffer_frames, rtaudio_callback callback,
                         void *user_data, void *options, void *error_callback)
    __asm__(RTAUDIO_OPEN_STREAM);
void rtaudio_dtor_complete(void *self) __asm__(RTAUDIO_DTOR_COMPLETE);
void rtaudio_dtor_base(void *self) __asm__(RTAUDIO_DTOR_BASE);

static void *real_open_stream, *real_dtor_complete, *real_dtor_base;

static int rtaudio_tramp(void *output, void *input, unsigned int frames, double stream_time,
                         unsigned int status, void *p) {
  const rtcheck_autoscope *rec = p;
  rtcheck_autoscope_begin(rec->name, rtcheck_autoscope_budget(frames, rec->rate));
  int r = ((rtaudio_callback)rec->fn)(output, input, frames, stream_time, status, rec->arg);
  rtcheck_autoscope_end();
  return r;
}

RTCHECK_EXPORT void rtaudio_open_stream(void *self, void *output_params, void *input_params,
                                        unsigned long format, unsigned int rate,
                                        unsigned int *buffer_frames, rtaudio_callback callback,
                                        void *user_data, void *options, void *error_callback) {
  open_stream_fn real = (open_stream_fn)rtcheck_autoscope_real(&real_open_stream, RTAUDIO_OPEN_STREAM);
  if (!real)
    return;
  rtcheck_autoscope *rec = 0;
  if (callback) {
    int e = errno;
    rtcheck_thread.guard++;
    rec = rtcheck_autoscope_claim(RTCHECK_AS_rtaudio_stream, self, (void *)callback, user_data);
    if (rec) {
      char name[RTCHECK_AUTOSCOPE_NAME_MAX];
      rtcheck_autoscope_callback_name((const void *)callback, name, sizeof name);
      rec->name = rtcheck_autoscope_intern(name, RTCHECK_AS_rtaudio_stream,
                                           rtcheck_autoscope_registration[RTCHECK_AS_rtaudio_stream]);
      rec->rate = rate;
    }
    rtcheck_thread.guard--;
    errno = e;
  }
  if (!rec) {
    real(self, output_params, input_params, format, rate, buffer_frames, callback, user_data,
         options, error_callback);
    return;
  }
  real(self, output_params, input_params, format, rate, buffer_frames, rtaudio_tramp, rec, options,
       error_callback);
}

static void destroyed(void *self) {
  int e = errno;
  rtcheck_autoscope_release_owner(self, RTCHECK_AS_rtaudio_stream, 0);
  errno = e;
}

RTCHECK_EXPORT void rtaudio_dtor_complete(void *self) {
  dtor_fn real = (dtor_fn)rtcheck_autoscope_real(&real_dtor_complete, RTAUDIO_DTOR_COMPLETE);
  if (real)
    real(self);
  destroyed(self);
}

RTCHECK_EXPORT void rtaudio_dtor_base(void *self) {
  dtor_fn real = (dtor_fn)rtcheck_autoscope_real(&real_dtor_base, RTAUDIO_DTOR_BASE);
  if (real)
    real(self);
  destroyed(self);
}
