// The library: openBackend stores a back-end only when the probe succeeds, which nothing decides, so the fallback loop stays live.
#include "audio.h"

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

bool pulse_available(); // defined nowhere: the probe may fail

static float *g_buf;

// Started: the fallback loop may construct an AlsaBackend.
static void *alsa_thread(void *) {
  g_buf = static_cast<float *>(malloc(4096)); // expect: alloc
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

void Audio::openBackend(Api api) {
  if (impl)
    delete impl;
  impl = nullptr;
  if (api == API_ALSA)
    impl = new AlsaBackend();
  if (api == API_PULSE && pulse_available())
    impl = new PulseBackend();
}

Audio::Audio(Api api) {
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
