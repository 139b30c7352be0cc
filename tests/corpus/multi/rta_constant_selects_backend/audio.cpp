// The library: openBackend constructs the back-end the constant names; each back-end starts a SCHED_FIFO thread.
#include "audio.h"

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static float *g_buf;

// Never started: the program constructs no AlsaBackend.
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

void Audio::openBackend(Api api) {
  if (api == API_ALSA)
    impl = new AlsaBackend();
  if (api == API_PULSE)
    impl = new PulseBackend();
}

Audio::Audio(Api api) { openBackend(api); }
