// RTCHECK_TRUSTED functions are not looked into; the root's own violations are still reported.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

RTCHECK_TRUSTED("pool refill runs at most once per buffer and is bounded")
static void *pool_take(unsigned n) {
  return malloc(n);
}

struct Queue {
  RTCHECK_TRUSTED("single-producer queue: wait-free push")
  bool push(int v) {
    printf("%d\n", v);
    return true;
  }
};

Queue g_queue;

RTCHECK_REALTIME(audio) void process(int v) {
  void *p = pool_take(16);
  g_queue.push(v);
  free(p);  // expect: alloc
}
