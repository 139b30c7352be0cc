/* #9 a thread raised by the code that created it (PortAudio's PaUnixThread_New: default attributes, then BoostPriority calls pthread_setschedparam(self->thread, SCHED_FIFO) on the stored handle) is a real-time root; a thread whose handle is lowered to SCHED_OTHER, or never raised, is not. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  pthread_t thread;
  int realtime;
} unix_thread;

static unix_thread g_audio;

static int boost_priority(unix_thread *self) {
  struct sched_param spm = {.sched_priority = 1};
  return pthread_setschedparam(self->thread, SCHED_FIFO, &spm) == 0;
}

static int unix_thread_new(unix_thread *self, void *(*func)(void *), void *arg) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  if (pthread_create(&self->thread, &attr, func, arg) != 0)
    return -1;
  if (self->realtime)
    boost_priority(self);
  return 0;
}

static void *callback_thread(void *arg) {
  (void)arg;
  for (;;)
    free(malloc(256)); // expect: alloc
  return NULL;
}

static void *disk_thread(void *arg) {
  (void)arg;
  free(malloc(256)); /* created and left at the default policy */
  return NULL;
}

static void *log_thread(void *arg) {
  (void)arg;
  puts("log"); /* lowered to SCHED_OTHER by its creator */
  return NULL;
}

int main(void) {
  g_audio.realtime = 1;
  unix_thread_new(&g_audio, callback_thread, NULL);
  pthread_t disk;
  pthread_create(&disk, NULL, disk_thread, NULL);
  pthread_t log;
  struct sched_param other = {.sched_priority = 0};
  pthread_create(&log, NULL, log_thread, NULL);
  pthread_setschedparam(log, SCHED_OTHER, &other);
  return 0;
}
