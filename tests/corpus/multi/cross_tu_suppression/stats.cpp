// One suppressed site (alloc) and one that stays (syscall).
#include "stats.h"
#include <stdio.h>
#include <stdlib.h>

static int *g_history;

void stats_record(int frames) {
  // rtcheck-allow(alloc): history is allocated once; the realloc is a no-op at steady state
  g_history = static_cast<int *>(realloc(g_history, 64 * sizeof(int)));
  printf("%d\n", frames);  // expect: syscall
}
