/* #9 entries: a project's thread wrapper (PortAudio's PaUnixThread_New, FluidSynth's new_fluid_thread with a priority) starts the function it is given with SCHED_FIFO attributes; that function is a root, other callers' threads are not. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

typedef void *(*thread_fn)(void *);

int start_thread(pthread_t *t, thread_fn fn, void *arg, int realtime) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  if (realtime) {
    struct sched_param p = {.sched_priority = 80};
    pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
    pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
    pthread_attr_setschedparam(&attr, &p);
  }
  return pthread_create(t, &attr, fn, arg);
}

static void *callback_thread(void *arg) {
  (void)arg;
  fprintf(stderr, "xrun\n"); // expect: syscall
  return NULL;
}

int open_stream(pthread_t *t) { return start_thread(t, callback_thread, NULL, 1); }
