// A capture-less lambda passed as the PortAudio stream callback is a root: sites inside its body.
#include <portaudio.h>
#include <stdlib.h>

PaError open_output(PaStream **stream) {
  return Pa_OpenDefaultStream(
      stream, 0, 2, paFloat32, 48000.0, 256,
      [](const void *, void *output, unsigned long frames, const PaStreamCallbackTimeInfo *,
         PaStreamCallbackFlags, void *) -> int {
        float *scratch = static_cast<float *>(malloc(frames * sizeof(float)));  // expect: alloc
        static_cast<float *>(output)[0] = scratch[0];
        free(scratch);  // expect: alloc
        return paContinue;
      },
      nullptr);
}
