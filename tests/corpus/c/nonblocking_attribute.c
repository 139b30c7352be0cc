/* C: __attribute__((nonblocking)) marks a root in C as well. */
#include <stdio.h>

void render(int n) __attribute__((nonblocking)) {
  puts("render"); // expect: syscall
  (void)n;
}

void idle(int n) {
  puts("idle");
  (void)n;
}
