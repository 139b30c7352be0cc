// A PortAudio callback that renders a sine from preallocated state and returns paComplete to stop (instead of calling Pa_StopStream): no finding.
#include <portaudio.h>
#include <atomic>
#include <cmath>

struct Sine {
  PaStream *stream = nullptr;
  double phase = 0.0;
  std::atomic<float> gain{0.5f};
  std::atomic<double> lastCallbackTime{0.0};
  unsigned long framesLeft = 48000 * 5;
};

static int sineCallback(const void *, void *output, unsigned long frames, const PaStreamCallbackTimeInfo *time,
                        PaStreamCallbackFlags, void *user) {
  auto *s = static_cast<Sine *>(user);
  auto *out = static_cast<float *>(output);
  const float g = s->gain.load(std::memory_order_relaxed);
  for (unsigned long i = 0; i < frames; ++i) {
    out[2 * i] = out[2 * i + 1] = g * static_cast<float>(std::sin(s->phase));
    s->phase += 2.0 * M_PI * 440.0 / 48000.0;
  }
  s->lastCallbackTime.store(time->outputBufferDacTime, std::memory_order_relaxed);
  if (Pa_GetStreamCpuLoad(s->stream) > 0.8)
    s->gain.store(0.0f, std::memory_order_relaxed);
  s->framesLeft = frames < s->framesLeft ? s->framesLeft - frames : 0;
  return s->framesLeft == 0 ? paComplete : paContinue;
}

int main() {
  static Sine sine;
  Pa_Initialize();
  Pa_OpenDefaultStream(&sine.stream, 0, 2, paFloat32, 48000, paFramesPerBufferUnspecified, sineCallback, &sine);
  Pa_StartStream(sine.stream);
  return 0;
}
