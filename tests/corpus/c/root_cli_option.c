// rtcheck-args: --root=isr_*
/* C: --root accepts a wildcard; every matching function becomes a root. */
#include <stdio.h>

void isr_uart(void) {
  puts("uart"); // expect: syscall
}

void isr_timer(void) {
  puts("timer"); // expect: syscall
}

void main_loop(void) { puts("loop"); }
