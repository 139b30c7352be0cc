/* C: calls in a block that ends the program (log then abort/exit, a _Noreturn handler and what it calls) are not hazards; a block that can still return, ends in longjmp, or loops before exiting, is. */
#include <rtcheck/realtime.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf g_recover;
static float *g_buf;

_Noreturn static void die(const char *why) {
  fprintf(stderr, "fatal: %s\n", why);
  free(g_buf);
  abort();
}

__attribute__((noreturn)) static void quit_now(int code) {
  puts("bye");
  exit(code);
}

RTCHECK_REALTIME(audio) void process(float *out, int n, int mode) {
  if (!out) {
    fprintf(stderr, "no output buffer\n");
    abort();
  }
  if (n < 0)
    die("negative frame count");
  if (n > 4096) {
    char line[64];
    snprintf(line, sizeof line, "%d frames", n);
    quit_now(2);
  }
  if (mode == 1) {
    printf("mode 1 is not supported\n"); // expect: syscall
    if (n == 0)
      return;
    abort();
  }
  if (mode == 2) {
    puts("recovering"); // expect: syscall
    longjmp(g_recover, 1);
  }
  if (mode == 4) {
    for (int i = 0; i < n; ++i)
      putchar('.'); // expect: syscall
    exit(4);
  }
  switch (mode) {
  case 3:
    fprintf(stderr, "mode 3 is fatal\n");
    exit(3);
  default:
    break;
  }
  for (int i = 0; i < n; ++i)
    out[i] = 0.0f;
}
