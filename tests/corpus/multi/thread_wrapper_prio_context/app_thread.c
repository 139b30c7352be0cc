/* FluidSynth's new_fluid_thread reduced: with prio_level > 0 the function is stored for a start routine that raises itself to SCHED_FIFO; otherwise it is started directly as a normal thread. */
#include "app_thread.h"
#include <sched.h>
#include <stdlib.h>

typedef struct {
  app_thread_fn func;
  void *data;
  int prio_level;
} thread_info;

static void *high_prio(void *arg) {
  thread_info *info = arg;
  struct sched_param p = {.sched_priority = info->prio_level};
  pthread_setschedparam(pthread_self(), SCHED_FIFO, &p);
  info->func(info->data);
  return NULL;
}

pthread_t new_app_thread(app_thread_fn func, void *data, int prio_level) {
  pthread_t t;
  if (prio_level > 0) {
    thread_info *info = malloc(sizeof *info);
    info->func = func;
    info->data = data;
    info->prio_level = prio_level;
    pthread_create(&t, NULL, high_prio, info);
  } else {
    pthread_create(&t, NULL, (void *(*)(void *))func, data);
  }
  return t;
}

/* A second wrapper level: the priority is passed on unchanged. */
pthread_t start_worker(app_thread_fn func, int prio_level) {
  return new_app_thread(func, NULL, prio_level);
}
