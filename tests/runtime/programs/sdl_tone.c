/* Plays a square wave through SDL2 audio for half a second (SDL_AUDIODRIVER=dummy runs the
 * callback on SDL's audio thread without a device); the callback mallocs a scratch buffer every
 * period. With an argument, through the legacy SDL_OpenAudio. Unmodified: no scope markers. */
#include <SDL2/SDL.h>
#include <stdlib.h>
#include <string.h>

static void fill(void *user, Uint8 *stream, int len) {
  int *phase = user;
  Sint16 *scratch = malloc((size_t)len);
  for (int i = 0; i < len / 2; i++)
    scratch[i] = (Sint16)(((*phase)++ / 55) % 2 ? 3000 : -3000);
  memcpy(stream, scratch, (size_t)len);
  free(scratch);
}

int main(int argc, char **argv) {
  static int phase;
  if (SDL_Init(SDL_INIT_AUDIO) != 0)
    return 2;
  SDL_AudioSpec want = {0}, have;
  want.freq = 48000;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = 512;
  want.callback = fill;
  want.userdata = &phase;
  if (argc > 1) {
    if (SDL_OpenAudio(&want, NULL) != 0)
      return 3;
    SDL_PauseAudio(0);
    SDL_Delay(500);
    SDL_CloseAudio();
  } else {
    SDL_AudioDeviceID dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (dev == 0 || have.callback != fill || have.userdata != &phase)
      return 4;
    SDL_PauseAudioDevice(dev, 0);
    SDL_Delay(500);
    SDL_CloseAudioDevice(dev);
  }
  SDL_Quit();
  return phase > 0 ? 0 : 5;
}
