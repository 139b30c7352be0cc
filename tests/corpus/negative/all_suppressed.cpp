// Every violation on the root's chain is suppressed with the exact categories: no findings.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <vector>

std::vector<int> g_events;

static void trace(int v) {
  printf("%d\n", v); // rtcheck-allow(syscall): debug builds only
}

RTCHECK_REALTIME(audio) void process(int v) {
  // rtcheck-allow(alloc,exception): capacity reserved before the stream starts
  g_events.push_back(v);
  trace(v);
}
