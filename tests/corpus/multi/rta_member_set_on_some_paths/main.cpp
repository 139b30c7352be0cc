// A member stored on only some paths of the call before the test keeps the code after the early exit live: the fallback loop may construct an AlsaBackend, whose real-time thread allocates.
#include "audio.h"

int main() {
  Audio audio(API_PULSE);
  audio.start();
  return 0;
}
