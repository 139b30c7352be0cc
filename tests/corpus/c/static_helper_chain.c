/* C: a three-deep chain of static helpers; the site is the deepest call, in the last helper. */
#include <pthread.h>
#include <rtcheck/realtime.h>

static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;

static void level3(void) {
  pthread_mutex_lock(&g_mu); // expect: lock
  pthread_mutex_unlock(&g_mu); // expect: lock
}

static void level2(void) { level3(); }

static void level1(void) { level2(); }

RTCHECK_REALTIME(audio) void process(void) {
  level1();
}
