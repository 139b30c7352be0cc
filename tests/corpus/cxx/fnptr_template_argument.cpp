// A function given as a non-type template argument is called directly by the instantiation.
#include <rtcheck/realtime.h>
#include <stdio.h>

static void announce(int v) {
  printf("%d\n", v);  // expect: syscall
}

static void silent(int) {}

template <void (*F)(int)> void call_with(int v) { F(v); }

RTCHECK_REALTIME(audio) void process(int v) {
  call_with<announce>(v);
}

void offline(int v) { call_with<silent>(v); }
