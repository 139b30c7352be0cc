/* An SDL2 audio callback that mixes a preloaded clip with SDL_MixAudioFormat and tracks position with SDL atomics: no finding. */
// compile-flags: -I/usr/include/SDL2 -D_REENTRANT
#include <SDL.h>

typedef struct {
  const Uint8 *clip;
  Uint32 clip_len;
  SDL_atomic_t pos;
} Clip;

static void SDLCALL play(void *userdata, Uint8 *stream, int len) {
  Clip *c = userdata;
  SDL_memset(stream, 0, (size_t)len);
  Uint32 pos = (Uint32)SDL_AtomicGet(&c->pos);
  Uint32 n = c->clip_len - pos < (Uint32)len ? c->clip_len - pos : (Uint32)len;
  SDL_MixAudioFormat(stream, c->clip + pos, AUDIO_S16SYS, n, SDL_MIX_MAXVOLUME);
  SDL_AtomicSet(&c->pos, (int)(pos + n));
  (void)SDL_GetPerformanceCounter();
}

SDL_AudioDeviceID open_clip(Clip *c) {
  SDL_AudioSpec want = {0};
  want.freq = 44100;
  want.format = AUDIO_S16SYS;
  want.channels = 2;
  want.samples = 512;
  want.callback = play;
  want.userdata = c;
  return SDL_OpenAudioDevice(NULL, 0, &want, NULL, 0);
}
