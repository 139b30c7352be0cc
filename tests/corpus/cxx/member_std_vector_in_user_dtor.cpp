// A std::vector member destroyed by a user destructor: site is the member's declaration line.
#include <new>
#include <rtcheck/realtime.h>
#include <vector>

struct Mixer {
  ~Mixer() { gain = 0.0f; }
  float gain = 1.0f;
  std::vector<float> bus;  // expect: alloc
};

Mixer *g_mixer;

RTCHECK_REALTIME(audio) void process() {
  g_mixer->~Mixer();
}
