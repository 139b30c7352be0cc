/* No real-time thread here: SCHED_OTHER attributes, a real-time policy on another attribute object than the one the thread is created with, and a raise of another thread (not the caller's own). */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static pthread_t g_other;

static void *normal_attr(void *arg) {
  (void)arg;
  puts("SCHED_OTHER thread");
  return NULL;
}

static void *other_object(void *arg) {
  (void)arg;
  puts("created with plain attributes");
  return NULL;
}

static void *raises_another(void *arg) {
  (void)arg;
  struct sched_param p = {.sched_priority = 10};
  pthread_setschedparam(g_other, SCHED_FIFO, &p);
  puts("raised someone else");
  return NULL;
}

int main(void) {
  pthread_attr_t plain, rt;
  pthread_attr_init(&plain);
  pthread_attr_init(&rt);
  pthread_attr_setschedpolicy(&plain, SCHED_OTHER);
  pthread_attr_setschedpolicy(&rt, SCHED_FIFO);
  pthread_t a, b, c;
  pthread_create(&a, &plain, normal_attr, NULL);
  pthread_create(&b, &plain, other_object, NULL);
  pthread_create(&c, NULL, raises_another, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(c, NULL);
  return 0;
}
