// SDL2 back-end: the callback is handed out through a struct field (`requested.callback = ...`) and then SDL_OpenAudioDevice; both happen in a method of an object main creates after the library static was initialised.
// compile-flags: -I/usr/include/SDL2 -D_REENTRANT
#include "bridge.h"

#include <SDL.h>
#include <string.h>

struct SDL2Bridge : NativeBridge {
  SDL_AudioDeviceID device = 0;

  bool open(const char *) override {
    SDL_AudioSpec requested;
    memset(&requested, 0, sizeof(requested));
    requested.freq = 48000;
    requested.userdata = this;
    requested.callback = AudioOutputCallback;
    SDL_AudioSpec received;
    device = SDL_OpenAudioDevice(nullptr, 0, &requested, &received, 0);
    return device != 0;
  }

  static void AudioOutputCallback(void *, Uint8 *stream, int len) {
    bridge_process(reinterpret_cast<float *>(stream), len / 4);
  }
};

NativeBridge *makeSDL2Bridge() { return new SDL2Bridge; }
