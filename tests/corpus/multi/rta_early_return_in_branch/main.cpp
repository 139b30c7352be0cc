// Guards from an early exit nested in a branch, decided by what a call leaves in a member: `Audio(API_PULSE)` returns once openBackend stored a PulseBackend, so the fallback loop that constructs an AlsaBackend never runs and its real-time thread never starts.
#include "audio.h"

int main() {
  RtAudio audio(API_PULSE);
  audio.start();
  return 0;
}
