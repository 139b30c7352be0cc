/* #9 entries: a thread whose first action raises itself to SCHED_RR (pthread_setschedparam on pthread_self, as FluidSynth's and PortAudio's callback threads do) is a real-time root from the call on. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

static volatile int g_running = 1;

static void *render_thread(void *arg) {
  (void)arg;
  struct sched_param p = {.sched_priority = 60};
  pthread_setschedparam(pthread_self(), SCHED_RR, &p);
  while (g_running) {
    char *block = malloc(256); // expect: alloc
    free(block); // expect: alloc
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, render_thread, NULL);
  pthread_join(t, NULL);
  return 0;
}
