/* Three threads made real-time by the program itself: one raises itself to SCHED_FIFO with
 * pthread_setschedparam, one is created with an explicit SCHED_FIFO attribute, one is raised by
 * the main thread (pthread_setschedparam on its pthread_t); each then allocates a known number of
 * times, and a normal thread allocates too (not real-time: not
 * counted). Prints whether each raise was permitted (it needs CAP_SYS_NICE or an rtprio limit).
 * Unmodified: no scope markers. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

static void allocate(int n) {
  for (int i = 0; i < n; i++)
    free(malloc(64));
}

static void *raise_self(void *ok) {
  struct sched_param p = {.sched_priority = 10};
  *(int *)ok = pthread_setschedparam(pthread_self(), SCHED_FIFO, &p) == 0;
  allocate(10);
  return NULL;
}

static void *created_realtime(void *arg) {
  (void)arg;
  allocate(5);
  return NULL;
}

static int go;

static void *raised_by_main(void *arg) {
  (void)arg;
  /* No interposed call before the raise: spin until main has raised this thread. */
  while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
    __builtin_ia32_pause();
  allocate(6);
  return NULL;
}

static void *normal(void *arg) {
  (void)arg;
  allocate(7);
  return NULL;
}

int main(void) {
  int raised = 0;
  pthread_t a, b, c;
  pthread_create(&a, NULL, raise_self, &raised);
  pthread_join(a, NULL);

  pthread_attr_t attr;
  struct sched_param p = {.sched_priority = 10};
  pthread_attr_init(&attr);
  pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
  pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
  pthread_attr_setschedparam(&attr, &p);
  int created = pthread_create(&b, &attr, created_realtime, NULL) == 0;
  if (created)
    pthread_join(b, NULL);
  pthread_attr_destroy(&attr);

  pthread_t d;
  pthread_create(&d, NULL, raised_by_main, NULL);
  int other = pthread_setschedparam(d, SCHED_FIFO, &p) == 0;
  __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
  pthread_join(d, NULL);

  pthread_create(&c, NULL, normal, NULL);
  pthread_join(c, NULL);
  printf("raised %d created %d other %d\n", raised, created, other);
  return 0;
}
