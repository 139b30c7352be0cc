// The library: openBackend always leaves `impl` set for a compiled API, so the constructor (a library call by the rules, entered with its caller's constant all the same) returns before its fallback loop.
#include "audio.h"

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static float *g_buf;

// Never started: only the fallback loop, dead under API_PULSE, constructs an AlsaBackend.
static void *alsa_thread(void *) {
  g_buf = static_cast<float *>(malloc(4096));
  return nullptr;
}

static void *pulse_thread(void *) {
  usleep(100); // expect: syscall
  return nullptr;
}

void AlsaBackend::start() {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
  pthread_t t;
  pthread_create(&t, &attr, alsa_thread, nullptr);
}

void PulseBackend::start() {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
  pthread_t t;
  pthread_create(&t, &attr, pulse_thread, nullptr);
}

void RtAudio::openBackend(Api api) {
  if (impl)
    delete impl;
  impl = nullptr;
  if (api == API_ALSA)
    impl = new AlsaBackend();
  if (api == API_PULSE)
    impl = new PulseBackend();
}

RtAudio::RtAudio(Api api) {
  if (api != API_UNSPECIFIED) {
    openBackend(api);
    if (impl)
      return;
    fputs("no compiled support for the requested API\n", stderr);
  }
  const Api compiled[] = {API_ALSA, API_PULSE};
  for (Api a : compiled) {
    openBackend(a);
    if (impl && impl->deviceCount())
      break;
  }
}
