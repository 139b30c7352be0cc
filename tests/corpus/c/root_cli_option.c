/* C: --root accepts a wildcard; every matching function becomes a root. */
// rtcheck-args: --root=isr_*
#include <stdio.h>

void isr_uart(void) {
  puts("uart"); // expect: syscall
}

void isr_timer(void) {
  puts("timer"); // expect: syscall
}

void main_loop(void) { puts("loop"); }
