// #10 setup order through struct fields and objects: main opens the client (the first call of the library's static) before it creates any back-end; the SDL callback is handed out through `requested.callback`, the other back-end's callback by a method the UI may call again later. No root can run the static's initialisation.
#include "bridge.h"

#include <opaque.h>

NativeBridge *makeSDL2Bridge();
NativeBridge *makeRetryingBridge();

static NativeBridge *nativeBridge = nullptr;

static bool client_open(const char *name) {
  if (bridge_library_version() < 2)
    return false;
  nativeBridge = makeSDL2Bridge();
  if (nativeBridge->open(name))
    return true;
  delete nativeBridge;
  nativeBridge = makeRetryingBridge();
  return nativeBridge->open(name);
}

// Called from the UI (a button), through a pointer this program hands to code it cannot see.
static void onInputButton(int) { nativeBridge->requestAudioInput(); }
extern "C" void ui_set_button_handler(void (*handler)(int));

int main() {
  if (!client_open("meters"))
    return 1;
  ui_set_button_handler(onInputButton);
  corpus_opaque(0);
  return 0;
}
