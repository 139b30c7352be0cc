// rtcheck-allow alone on the line above suppresses the next line only, and only the listed categories.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

void *g_mem;

RTCHECK_REALTIME(audio) void process(int v) {
  // rtcheck-allow(alloc): one-time warm-up allocation
  g_mem = malloc(16);
  g_mem = malloc(32);  // expect: alloc
  // rtcheck-allow(lock, alloc): debug build only
  printf("%d\n", v);  // expect: syscall
  // rtcheck-allow(syscall): the comment covers only the next line

  printf("%d\n", v + 1);  // expect: syscall
}
