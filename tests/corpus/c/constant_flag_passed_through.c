/* Constant arguments rule out branches of the callee, also through a parameter handed on unchanged and after an early return; a callee entered with different constants keeps the branches any of them reaches. */
#include <rtcheck/realtime.h>
#include <semaphore.h>

static sem_t g_idle, g_busy;
static int g_ready;

static int take(sem_t *s, int block) {
  if (block)
    return sem_wait(s); // expect: lock
  return g_ready;
}

static int peek(sem_t *s, int block) {
  if (!block)
    return g_ready;
  return sem_wait(s);
}

static int count(sem_t *s, int mode) {
  switch (mode) {
  case 0:
    return g_ready;
  case 1:
  case 2:
    return sem_wait(s);
  default:
    return sem_post(s);
  }
}

static int wait_for(sem_t *s, int block) { return peek(s, block) + take(s, block) + count(s, 0); }

RTCHECK_REALTIME(audio) void poll_idle(void) { wait_for(&g_idle, 0); }

RTCHECK_REALTIME(audio) void drain_busy(void) { take(&g_busy, 1); }

void setup(void) { wait_for(&g_busy, 1); }
