// Mutual recursion terminates; findings in both functions are reported once each.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

static void odd(int n);

static void even(int n) {
  if (n == 0)
    return;
  puts("even");  // expect: syscall
  odd(n - 1);
}

static void odd(int n) {
  void *p = malloc(1);  // expect: alloc
  free(p);  // expect: alloc
  even(n - 1);
}

RTCHECK_REALTIME(audio) void process(int n) {
  even(n);
}
