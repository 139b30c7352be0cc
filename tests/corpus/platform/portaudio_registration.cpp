// A function passed as the stream callback of Pa_OpenDefaultStream is a root (rules registration),
// though it carries no attribute; the code that opens the stream is not.
#include <portaudio.h>
#include <stdio.h>

static int stream_callback(const void *input, void *output, unsigned long frames,
                           const PaStreamCallbackTimeInfo *time, PaStreamCallbackFlags flags,
                           void *user) {
  printf("%lu frames\n", frames);  // expect: syscall
  (void)input, (void)output, (void)time, (void)flags, (void)user;
  return paContinue;
}

PaError open_output(PaStream **stream) {
  puts("opening");
  return Pa_OpenDefaultStream(stream, 0, 2, paFloat32, 48000.0, 256, stream_callback, nullptr);
}
