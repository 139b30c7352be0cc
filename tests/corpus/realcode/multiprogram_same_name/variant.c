/* #9 commands: one source, two compile commands (VARIANT_LOCKS=0 and =1); the second command must be analysed too. */
#include <pthread.h>
#include <rtcheck/realtime.h>

static pthread_mutex_t g_m = PTHREAD_MUTEX_INITIALIZER;
static int g_value;

RTCHECK_REALTIME(audio) void variant_tick(void) {
#if VARIANT_LOCKS
  pthread_mutex_lock(&g_m); // expect: lock
  ++g_value;
  pthread_mutex_unlock(&g_m); // expect: lock
#else
  __atomic_add_fetch(&g_value, 1, __ATOMIC_RELAXED);
#endif
}
