// A noexcept function stored in a plain function pointer (an implicit conversion) is still a target
// of calls through that pointer type.
#include <rtcheck/realtime.h>
#include <stdio.h>

static void report(int v) noexcept {
  printf("%d\n", v);  // expect: syscall
}

void (*g_cb)(int) = report;

RTCHECK_REALTIME(audio) void process(int v) {
  g_cb(v);
}
