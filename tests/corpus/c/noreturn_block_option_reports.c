/* C: --noreturn-paths reports the calls on paths that end the program: the logging before abort() and the calls inside a _Noreturn handler. */
// rtcheck-args: --noreturn-paths
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

_Noreturn static void die(const char *why) {
  fprintf(stderr, "fatal: %s\n", why); // expect: syscall
  abort(); // expect: syscall
}

RTCHECK_REALTIME(audio) void process(float *out, int n) {
  if (!out) {
    fprintf(stderr, "no output buffer\n"); // expect: syscall
    abort(); // expect: syscall
  }
  if (n < 0)
    die("negative frame count");
  for (int i = 0; i < n; ++i)
    out[i] = 0.0f;
}
