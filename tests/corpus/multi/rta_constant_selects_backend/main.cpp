// Rapid type analysis under constants: the program only ever asks for the Pulse back-end, so the ALSA back-end's class has no objects and its real-time thread never starts.
#include "audio.h"

int main() {
  Audio audio(API_PULSE);
  audio.start();
  return 0;
}
