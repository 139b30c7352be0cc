// Done-criterion: unannotated PortAudio stream callbacks (a static member given to Pa_OpenStream, a lambda given to Pa_OpenDefaultStream) are roots; their violations are reported.
#include <portaudio.h>
#include <cstdio>
#include <vector>

class Synth {
public:
  bool open() {
    PaStreamParameters out{};
    out.device = Pa_GetDefaultOutputDevice();
    out.channelCount = 2;
    out.sampleFormat = paFloat32;
    return Pa_OpenStream(&stream_, nullptr, &out, 48000.0, 256, paNoFlag, &Synth::paCallback, this) == paNoError;
  }

private:
  static int paCallback(const void *input, void *output, unsigned long frames,
                        const PaStreamCallbackTimeInfo *time, PaStreamCallbackFlags flags, void *user) {
    (void)input;
    (void)time;
    (void)flags;
    return static_cast<Synth *>(user)->render(static_cast<float *>(output), frames);
  }

  int render(float *out, unsigned long frames) {
    for (unsigned long i = 0; i < 2 * frames; ++i)
      out[i] = 0.0f;
    history_.push_back(Pa_GetStreamTime(stream_)); // expect: alloc, driver
    if (Pa_GetStreamCpuLoad(stream_) > 0.9) {
      std::printf("overload\n"); // expect: syscall
      Pa_StopStream(stream_); // expect: driver
    }
    return paContinue;
  }

  PaStream *stream_ = nullptr;
  std::vector<double> history_;
};

Synth g_synth;
PaStream *g_monitor;

int main() {
  Pa_Initialize();
  g_synth.open();
  Pa_OpenDefaultStream(&g_monitor, 1, 0, paFloat32, 48000.0, 256,
                       [](const void *in, void *, unsigned long frames, const PaStreamCallbackTimeInfo *,
                          PaStreamCallbackFlags, void *) -> int {
                         Pa_Sleep(1); // expect: syscall
                         return in && frames ? paContinue : paComplete;
                       },
                       nullptr);
  return 0;
}
