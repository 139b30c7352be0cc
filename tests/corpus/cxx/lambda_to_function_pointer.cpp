// A capture-less lambda converted to a function pointer is an address-taken target: site in its body.
#include <rtcheck/realtime.h>
#include <stdio.h>

using Visitor = void (*)(int);

Visitor g_visit = [](int v) {
  printf("%d\n", v);  // expect: syscall
};

RTCHECK_REALTIME(audio) void process(int v) {
  g_visit(v);
}
