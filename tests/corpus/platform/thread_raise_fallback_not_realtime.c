/* What a thread runs only after its raise to SCHED_FIFO failed (FluidSynth's rtkit/D-Bus fallback and warning in fluid_thread_self_set_prio) runs before it is real-time: not reported; what runs after a successful raise, and the thread's own work, is. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

static int rtkit_make_realtime(int prio) {
  char *request = malloc(128); /* a D-Bus round trip, only when the raise failed */
  int ok = request != NULL && prio > 0;
  free(request);
  return ok ? 0 : -1;
}

static void set_prio(int prio) {
  struct sched_param p = {.sched_priority = prio};
  if (pthread_setschedparam(pthread_self(), SCHED_FIFO, &p) == 0)
    return;
  if (rtkit_make_realtime(prio) == 0)
    return;
  fprintf(stderr, "cannot raise the audio thread\n");
}

static void *audio_thread(void *arg) {
  (void)arg;
  set_prio(70);
  for (;;)
    free(malloc(64)); // expect: alloc
  return NULL;
}

static void raise_and_report(void) {
  struct sched_param p = {.sched_priority = 60};
  if (pthread_setschedparam(pthread_self(), SCHED_RR, &p) != 0)
    return;
  puts("raised"); // expect: syscall
}

static void *midi_thread(void *arg) {
  (void)arg;
  raise_and_report();
  return NULL;
}

int main(void) {
  pthread_t audio, midi;
  pthread_create(&audio, NULL, audio_thread, NULL);
  pthread_create(&midi, NULL, midi_thread, NULL);
  pthread_join(audio, NULL);
  pthread_join(midi, NULL);
  return 0;
}
