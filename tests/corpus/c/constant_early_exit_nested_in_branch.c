/* Guards from an early exit nested in a branch: after `if (mode != MODE_AUTO) { if (mode == MODE_SAFE) return; ... }` the rest runs only when mode is MODE_AUTO or not MODE_SAFE, so the real-time caller passing MODE_SAFE never reaches the lock; the same body entered with MODE_FAST reaches it. */
#include <pthread.h>
#include <rtcheck/realtime.h>
#include <stdio.h>

enum mode { MODE_AUTO, MODE_FAST, MODE_SAFE };

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

static void open_safe(enum mode mode) {
  if (mode != MODE_AUTO) {
    if (mode == MODE_SAFE)
      return;
    fputs("no such mode\n", stderr);
  }
  pthread_mutex_lock(&g_lock);
  pthread_mutex_unlock(&g_lock);
}

static void open_fast(enum mode mode) {
  if (mode != MODE_AUTO) {
    if (mode == MODE_SAFE)
      return;
    fputs("no such mode\n", stderr); // expect: syscall
  }
  pthread_mutex_lock(&g_lock); // expect: lock
  pthread_mutex_unlock(&g_lock); // expect: lock
}

RTCHECK_REALTIME(audio) void process(void) {
  open_safe(MODE_SAFE);
  open_fast(MODE_FAST);
}
