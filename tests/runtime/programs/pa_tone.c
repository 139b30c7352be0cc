/* Plays a sine through PortAudio's JACK host API for a second; its stream callback mallocs and
 * frees a scratch buffer every period, as a carelessly written one would. Unmodified: no scope
 * markers (the shim finds the callback through Pa_OpenStream). */
#include <math.h>
#include <portaudio.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct tone {
  double phase;
} tone;

static int render(const void *in, void *out, unsigned long frames,
                  const PaStreamCallbackTimeInfo *time, PaStreamCallbackFlags flags, void *user) {
  (void)in;
  (void)time;
  (void)flags;
  tone *t = user;
  float *scratch = malloc(frames * sizeof *scratch);
  float *o = out;
  for (unsigned long i = 0; i < frames; i++) {
    scratch[i] = (float)(0.1 * sin(t->phase));
    t->phase += 2 * M_PI * 440 / 48000;
  }
  for (unsigned long i = 0; i < frames; i++)
    o[i] = scratch[i];
  free(scratch);
  return paContinue;
}

int main(int argc, char **argv) {
  int ms = argc > 1 ? atoi(argv[1]) : 1000;
  if (Pa_Initialize() != paNoError)
    return 2;
  PaHostApiIndex api = Pa_HostApiTypeIdToHostApiIndex(paJACK);
  const PaHostApiInfo *info = api >= 0 ? Pa_GetHostApiInfo(api) : NULL;
  if (!info || info->defaultOutputDevice == paNoDevice) {
    fprintf(stderr, "pa_tone: no JACK output device\n");
    Pa_Terminate();
    return 3;
  }
  PaStreamParameters out = {info->defaultOutputDevice, 1, paFloat32,
                            Pa_GetDeviceInfo(info->defaultOutputDevice)->defaultLowOutputLatency,
                            NULL};
  tone t = {0};
  PaStream *stream = NULL;
  PaError e = Pa_OpenStream(&stream, NULL, &out, 48000, paFramesPerBufferUnspecified, paNoFlag,
                            render, &t);
  if (e != paNoError) {
    fprintf(stderr, "pa_tone: %s\n", Pa_GetErrorText(e));
    Pa_Terminate();
    return 4;
  }
  Pa_StartStream(stream);
  Pa_Sleep(ms);
  Pa_StopStream(stream);
  Pa_CloseStream(stream);
  Pa_Terminate();
  return 0;
}
