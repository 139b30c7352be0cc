// Two TUs each define a static `helper` with different bodies; the root reaches only this TU's one.
#include <rtcheck/realtime.h>
#include <stdio.h>

static void helper(int v) {
  printf("%d\n", v);  // expect: syscall
}

RTCHECK_REALTIME(audio) void process(int v) {
  helper(v);
}
