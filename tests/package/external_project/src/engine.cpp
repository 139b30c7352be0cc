// The engine: its render() allocates on the audio thread (the finding the test expects).
#include "engine.h"
#include "dsp.h"

#include <cstdlib>

void Engine::render(float *out, std::size_t frames) {
  float *scratch = static_cast<float *>(std::malloc(frames * sizeof(float)));
  for (std::size_t i = 0; i < frames; ++i) {
    phase_ += 0.01f;
    scratch[i] = soft_clip(phase_);
    out[i] = scratch[i];
  }
  std::free(scratch);
}
