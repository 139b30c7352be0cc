// #10 setup order through a struct field, the counter-case: the SDL callback is handed out (the field store, then SDL_OpenAudioDevice) before the first call of the library's static, so the callback may run the static's initialisation; those findings stay.
// compile-flags: -I/usr/include/SDL2 -D_REENTRANT
#include <SDL.h>
#include <stdio.h>

struct Library {
  Library() { puts("loading the audio library"); } // expect: syscall
  int version = 1;
};

static Library &instance() {
  static Library library; // expect: lock
  return library;
}

static void SDLCALL fill(void *, Uint8 *stream, int len) {
  if (instance().version > 0)
    SDL_memset(stream, 0, (size_t)len);
}

int main() {
  SDL_AudioSpec want;
  SDL_memset(&want, 0, sizeof want);
  want.callback = fill;
  SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
  instance();
  return device == 0;
}
