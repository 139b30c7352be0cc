// Member values fixed by constructor arguments: the plug-in always constructs its stretcher in real-time mode and never studies, so the offline reconfiguration and the studying branch never run on the audio thread (only the oversized-block reallocation and the debug print whose level the analysis cannot know remain).
#include "stretcher.h"

#include <rtcheck/realtime.h>

using namespace stretch;

struct PitchShifter {
  PitchShifter(int rate) : stretcher(new Stretcher(rate, OptionProcessRealTime | OptionHighConsistency)) {}
  Stretcher *stretcher;
};

static PitchShifter *g_shifter;

RTCHECK_REALTIME(audio) void run_plugin(const float *in, int n) {
  g_shifter->stretcher->process(in, n);
}

int main() {
  g_shifter = new PitchShifter(48000);
  float block[64] = {};
  run_plugin(block, 64);
  return 0;
}
