// rtcheck-allow on the site's own line suppresses exactly the listed categories there.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>
#include <vector>

std::vector<int> g_log;
void *g_mem;

RTCHECK_REALTIME(audio) void process(int v) {
  g_mem = malloc(16); // rtcheck-allow(alloc): preallocated arena in the real engine
  g_log.push_back(v); // rtcheck-allow(alloc,exception): capacity reserved at start-up
  g_mem = malloc((size_t)puts("y")); // rtcheck-allow(alloc): only alloc allowed here // expect: syscall
  puts("x"); // rtcheck-allow(alloc): wrong category does not hide the syscall // expect: syscall
}
