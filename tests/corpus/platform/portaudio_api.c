/* PortAudio callback rules (portaudio.h: only Pa_GetStreamCpuLoad may be called from the callback): stream time goes through the host API (driver); stopping/aborting/closing the stream, blocking I/O, Pa_Sleep and heap use are reported; Pa_GetStreamCpuLoad and the Pa_GetStreamInfo table read are not. */
#include <portaudio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  PaStream *stream;
  PaTime started;
  float *history;
} State;

static int callback(const void *input, void *output, unsigned long frames,
                    const PaStreamCallbackTimeInfo *timeInfo, PaStreamCallbackFlags statusFlags,
                    void *userData) {
  State *s = (State *)userData;
  (void)timeInfo;
  memset(output, 0, frames * 2 * sizeof(float));
  PaTime now = Pa_GetStreamTime(s->stream); // expect: driver
  const PaStreamInfo *info = Pa_GetStreamInfo(s->stream);
  if (statusFlags & paOutputUnderflow)
    s->history = realloc(s->history, frames * sizeof(float)); // expect: alloc
  if (Pa_GetStreamCpuLoad(s->stream) > 0.95)
    Pa_AbortStream(s->stream); // expect: driver
  if (now - s->started > 10.0 * info->sampleRate) {
    Pa_StopStream(s->stream); // expect: driver
    Pa_CloseStream(s->stream); // expect: driver
  }
  if (input == NULL)
    Pa_WriteStream(s->stream, output, frames); // expect: driver
  Pa_Sleep(1); // expect: syscall
  return paContinue;
}

static void finished(void *userData) {
  State *s = (State *)userData;
  free(s->history); // expect: alloc
}

int main(void) {
  static State s;
  Pa_Initialize();
  PaStreamParameters out = {Pa_GetDefaultOutputDevice(), 2, paFloat32, 0.01, NULL};
  Pa_OpenStream(&s.stream, NULL, &out, 48000, 256, paClipOff, callback, &s);
  Pa_SetStreamFinishedCallback(s.stream, finished);
  s.started = Pa_GetStreamTime(s.stream);
  return Pa_StartStream(s.stream);
}
