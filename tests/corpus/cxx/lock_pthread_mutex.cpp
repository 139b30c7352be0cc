// pthread mutex lock/trylock/unlock are lock findings on their lines.
#include <pthread.h>
#include <rtcheck/realtime.h>

pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
int g_shared;

RTCHECK_REALTIME(audio) int process() {
  if (pthread_mutex_trylock(&g_mu) != 0)  // expect: lock
    return -1;
  int v = g_shared;
  pthread_mutex_unlock(&g_mu);  // expect: lock
  pthread_mutex_lock(&g_mu);  // expect: lock
  g_shared = v + 1;
  pthread_mutex_unlock(&g_mu);  // expect: lock
  return v;
}
