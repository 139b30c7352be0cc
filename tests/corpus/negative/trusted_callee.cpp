// A root calling only RTCHECK_TRUSTED functions (including a trusted method) has no findings.
#include <pthread.h>
#include <rtcheck/realtime.h>
#include <stdlib.h>

pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;

RTCHECK_TRUSTED("uncontended by design: the writer runs only while the stream is stopped")
static void locked_copy(float *dst, const float *src) {
  pthread_mutex_lock(&g_mu);
  *dst = *src;
  pthread_mutex_unlock(&g_mu);
}

struct Arena {
  RTCHECK_TRUSTED("allocates from a preallocated arena; falls back to malloc only at start-up")
  void *take(unsigned n) { return malloc(n); }
};

RTCHECK_REALTIME(audio) void process(float *dst, const float *src, Arena &arena) {
  locked_copy(dst, src);
  (void)arena.take(4);
}
