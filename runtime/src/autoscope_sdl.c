/* SDL2 audio: the callback in the SDL_AudioSpec given to SDL_OpenAudioDevice or SDL_OpenAudio runs
 * in a scope named after it. Budget: each call's byte count / (channels x sample size) / frequency,
 * in the format the callback is given (the obtained spec when the program accepts changes). The
 * program's spec is not written to: SDL gets a copy with the trampoline; what SDL writes back
 * (`obtained`, and `desired->size`/`silence` for SDL_OpenAudio without `obtained`) is handed on
 * with the program's own callback and userdata. Released by SDL_CloseAudioDevice / SDL_CloseAudio.
 * The struct as in /usr/include/SDL2/SDL_audio.h (SDL 2.26), written out so the shim needs no SDL
 * headers or library. */
#include "autoscope.h"

#include <errno.h>
#include <stdint.h>

typedef void (*SDL_AudioCallback)(void *userdata, uint8_t *stream, int len);
typedef struct SDL_AudioSpec {
  int freq;
  uint16_t format; /* low byte: bits per sample */
  uint8_t channels;
  uint8_t silence;
  uint16_t samples;
  uint16_t padding;
  uint32_t size;
  SDL_AudioCallback callback;
  void *userdata;
} SDL_AudioSpec;
typedef uint32_t SDL_AudioDeviceID;

SDL_AudioDeviceID SDL_OpenAudioDevice(const char *device, int iscapture,
                                      const SDL_AudioSpec *desired, SDL_AudioSpec *obtained,
                                      int allowed_changes);
int SDL_OpenAudio(SDL_AudioSpec *desired, SDL_AudioSpec *obtained);
void SDL_CloseAudioDevice(SDL_AudioDeviceID dev);
void SDL_CloseAudio(void);

AUTOSCOPE_DECLARE_REAL(SDL_OpenAudioDevice);
AUTOSCOPE_DECLARE_REAL(SDL_OpenAudio);
AUTOSCOPE_DECLARE_REAL(SDL_CloseAudioDevice);
AUTOSCOPE_DECLARE_REAL(SDL_CloseAudio);

/* SDL_OpenAudio always opens device 1 (SDL_audio.c, "legacy" device). */
#define SDL_LEGACY_DEVICE 1u

static void sdl_tramp(void *p, uint8_t *stream, int len) {
  const rtcheck_autoscope *rec = p;
  uint64_t frames = rec->frame_bytes ? (uint64_t)(len > 0 ? len : 0) / rec->frame_bytes : 0;
  rtcheck_autoscope_begin(rec->name, rtcheck_autoscope_budget(frames, rec->rate));
  ((SDL_AudioCallback)rec->fn)(rec->arg, stream, len);
  rtcheck_autoscope_end();
}

/* A named record for the spec's callback, or 0 (no callback: SDL_QueueAudio; or the pool full). */
static rtcheck_autoscope *prepare(int api, const SDL_AudioSpec *desired) {
  if (!desired || !desired->callback)
    return 0;
  int e = errno;
  rtcheck_thread.guard++;
  rtcheck_autoscope *rec =
      rtcheck_autoscope_claim(api, 0, (void *)desired->callback, desired->userdata);
  if (rec) {
    char name[RTCHECK_AUTOSCOPE_NAME_MAX];
    rtcheck_autoscope_callback_name((const void *)desired->callback, name, sizeof name);
    rec->name = rtcheck_autoscope_intern(name, api, rtcheck_autoscope_registration[api]);
  }
  rtcheck_thread.guard--;
  errno = e;
  return rec;
}

/* The callback's format: `obtained` when SDL filled it and the program accepted changes. */
static void settle(rtcheck_autoscope *rec, SDL_AudioDeviceID dev, const SDL_AudioSpec *format) {
  if (dev == 0) {
    rtcheck_autoscope_release(rec);
    return;
  }
  rtcheck_autoscope_set_owner(rec, (const void *)(uintptr_t)dev);
  rec->rate = format->freq > 0 ? (uint32_t)format->freq : 0;
  rec->frame_bytes = (uint32_t)format->channels * ((format->format & 0xFFu) / 8u);
}

RTCHECK_EXPORT SDL_AudioDeviceID SDL_OpenAudioDevice(const char *device, int iscapture,
                                                     const SDL_AudioSpec *desired,
                                                     SDL_AudioSpec *obtained, int allowed_changes) {
  __typeof__(&SDL_OpenAudioDevice) real = AUTOSCOPE_REAL(SDL_OpenAudioDevice);
  if (!real)
    return 0;
  rtcheck_autoscope *rec = prepare(RTCHECK_AS_sdl_device, desired);
  if (!rec)
    return real(device, iscapture, desired, obtained, allowed_changes);
  SDL_AudioSpec copy = *desired;
  copy.callback = sdl_tramp;
  copy.userdata = rec;
  SDL_AudioDeviceID dev = real(device, iscapture, &copy, obtained, allowed_changes);
  int e = errno;
  if (dev != 0 && obtained) {
    obtained->callback = desired->callback;
    obtained->userdata = desired->userdata;
  }
  settle(rec, dev, obtained && allowed_changes ? obtained : desired);
  errno = e;
  return dev;
}

RTCHECK_EXPORT int SDL_OpenAudio(SDL_AudioSpec *desired, SDL_AudioSpec *obtained) {
  __typeof__(&SDL_OpenAudio) real = AUTOSCOPE_REAL(SDL_OpenAudio);
  if (!real)
    return -1;
  rtcheck_autoscope *rec = prepare(RTCHECK_AS_sdl_legacy, desired);
  if (!rec)
    return real(desired, obtained);
  SDL_AudioSpec copy = *desired;
  copy.callback = sdl_tramp;
  copy.userdata = rec;
  int r = real(&copy, obtained);
  int e = errno;
  if (r == 0 && obtained) {
    obtained->callback = desired->callback;
    obtained->userdata = desired->userdata;
  } else if (r == 0) {
    desired->size = copy.size;
    desired->silence = copy.silence;
  }
  /* With `obtained`, SDL_OpenAudio accepts any change (SDL_AUDIO_ALLOW_ANY_CHANGE). */
  settle(rec, r == 0 ? SDL_LEGACY_DEVICE : 0, obtained ? obtained : desired);
  errno = e;
  return r;
}

RTCHECK_EXPORT void SDL_CloseAudioDevice(SDL_AudioDeviceID dev) {
  __typeof__(&SDL_CloseAudioDevice) real = AUTOSCOPE_REAL(SDL_CloseAudioDevice);
  if (!real)
    return;
  real(dev);
  /* The device's audio thread has been joined: the callback does not run any more. */
  int e = errno;
  rtcheck_autoscope_release_owner((const void *)(uintptr_t)dev, -1, 0);
  errno = e;
}

RTCHECK_EXPORT void SDL_CloseAudio(void) {
  __typeof__(&SDL_CloseAudio) real = AUTOSCOPE_REAL(SDL_CloseAudio);
  if (!real)
    return;
  real();
  int e = errno;
  rtcheck_autoscope_release_owner((const void *)(uintptr_t)SDL_LEGACY_DEVICE, -1, 0);
  errno = e;
}
