/* C: pthread mutex and condition variable calls are lock findings. */
#include <pthread.h>
#include <rtcheck/realtime.h>

static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_cv = PTHREAD_COND_INITIALIZER;
static int g_pending;

RTCHECK_REALTIME(firmware_task) void on_tick(void) {
  pthread_mutex_lock(&g_mu); // expect: lock
  g_pending++;
  pthread_cond_signal(&g_cv); // expect: lock
  pthread_mutex_unlock(&g_mu); // expect: lock
}
