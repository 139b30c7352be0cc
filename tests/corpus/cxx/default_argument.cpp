// A default argument is evaluated at each call that omits it: the callee it names is reached.
#include <rtcheck/realtime.h>
#include <stdio.h>

static int current_level() {
  return printf("query\n");  // expect: syscall
}

static int scaled(int gain, int level = current_level()) { return gain * level; }

RTCHECK_REALTIME(audio) int process(int gain) {
  return scaled(gain);
}
