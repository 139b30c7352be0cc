/* SDL2: an unannotated callback stored in SDL_AudioSpec.callback (SDL_OpenAudioDevice) runs in SDL's audio thread; SDL_Log, SDL_malloc, SDL mutexes, SDL_Delay and audio-stream conversion are reported; SDL_MixAudioFormat, SDL_memset, SDL_GetTicks and atomics are not. */
// compile-flags: -I/usr/include/SDL2 -D_REENTRANT
#include <SDL.h>

typedef struct {
  SDL_mutex *lock;
  SDL_AudioStream *resampler;
  Uint8 *pending;
  SDL_atomic_t underruns;
  float volume;
} Mixer;

static void SDLCALL fill_audio(void *userdata, Uint8 *stream, int len) {
  Mixer *m = userdata;
  SDL_memset(stream, 0, (size_t)len);
  Uint32 now = SDL_GetTicks();
  if (m->pending)
    SDL_MixAudioFormat(stream, m->pending, AUDIO_F32SYS, (Uint32)len, SDL_MIX_MAXVOLUME / 2);
  else
    SDL_AtomicIncRef(&m->underruns);
  SDL_LockMutex(m->lock); // expect: lock
  m->volume *= 0.99f;
  SDL_UnlockMutex(m->lock); // expect: lock
  if (SDL_AudioStreamAvailable(m->resampler) < len)
    SDL_AudioStreamPut(m->resampler, stream, len); // expect: alloc
  m->pending = SDL_malloc((size_t)len); // expect: alloc
  SDL_Log("callback at %u ms", now); // expect: syscall
  SDL_Delay(1); // expect: syscall
}

int main(int argc, char *argv[]) {
  (void)argc;
  (void)argv;
  static Mixer mixer;
  SDL_Init(SDL_INIT_AUDIO);
  mixer.lock = SDL_CreateMutex();
  SDL_AudioSpec want, have;
  SDL_zero(want);
  want.freq = 48000;
  want.format = AUDIO_F32SYS;
  want.channels = 2;
  want.samples = 256;
  want.callback = fill_audio;
  want.userdata = &mixer;
  SDL_AudioDeviceID dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
  SDL_PauseAudioDevice(dev, 0);
  return 0;
}
