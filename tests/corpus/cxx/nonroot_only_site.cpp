// Violations reachable only from non-root functions are not reported; a root's own ones are.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

static void load_preset() {
  void *p = malloc(4096);
  printf("loaded %p\n", p);
}

static void safe_helper(float *buf) { buf[0] = 0.0f; }

void ui_thread() {
  load_preset();
  float buf[1];
  safe_helper(buf);
}

RTCHECK_REALTIME(audio) void process(float *buf) {
  safe_helper(buf);
  puts("rt");  // expect: syscall
}
