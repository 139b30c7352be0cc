/* #10 unseen (libsoundio's soundio_os_thread_create): a thread wrapper stores the start function in a struct, starts a fixed trampoline that calls it through the field, and sets SCHED_FIFO only when a caller passes a non-null argument; only the start functions of those callers are roots. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

struct os_thread {
  pthread_t id;
  pthread_attr_t attr;
  void (*run)(void *arg);
  void *arg;
};

static void *run_pthread(void *userdata) {
  struct os_thread *thread = (struct os_thread *)userdata;
  thread->run(thread->arg);
  return NULL;
}

int os_thread_create(void (*run)(void *arg), void *arg, void (*warn_no_rtprio)(void),
                     struct os_thread *thread) {
  thread->run = run;
  thread->arg = arg;
  pthread_attr_init(&thread->attr);
  if (warn_no_rtprio) {
    struct sched_param param = {.sched_priority = sched_get_priority_max(SCHED_FIFO)};
    pthread_attr_setschedpolicy(&thread->attr, SCHED_FIFO);
    pthread_attr_setschedparam(&thread->attr, &param);
  }
  return pthread_create(&thread->id, &thread->attr, run_pthread, thread);
}

static void warn_no_rtprio(void) { fputs("no real-time priority\n", stderr); }

static void outstream_thread_run(void *arg) {
  (void)arg;
  fprintf(stderr, "xrun\n"); // expect: syscall
}

/* Device hot-plug scanning: created without real-time priority, allocates freely. */
static void device_thread_run(void *arg) {
  free(malloc(64));
  (void)arg;
}

static struct os_thread stream_thread, device_thread;

int open_stream(void *stream) {
  return os_thread_create(outstream_thread_run, stream, warn_no_rtprio, &stream_thread);
}

int watch_devices(void *context) {
  return os_thread_create(device_thread_run, context, NULL, &device_thread);
}
