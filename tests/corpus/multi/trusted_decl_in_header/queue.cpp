// queue_push's lock is hidden by the trusted declaration; queue_flush is not trusted.
#include "queue.h"
#include <pthread.h>

static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static int g_items[16];
static int g_count;

bool queue_push(int v) {
  pthread_mutex_lock(&g_mu);
  bool ok = g_count < 16;
  if (ok)
    g_items[g_count++] = v;
  pthread_mutex_unlock(&g_mu);
  return ok;
}

void queue_flush() {
  pthread_mutex_lock(&g_mu);  // expect: lock
  g_count = 0;
  pthread_mutex_unlock(&g_mu);  // expect: lock
}
