// Creating a lambda (even an unsafe one) without calling it does not run its body: no findings.
#include <rtcheck/realtime.h>
#include <stdio.h>

RTCHECK_REALTIME(audio) int process(int v) {
  auto later = [v] { printf("%d\n", v); };
  (void)later;
  return v;
}
