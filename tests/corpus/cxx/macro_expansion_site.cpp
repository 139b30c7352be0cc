// A violating call written inside a macro is reported on the line where the macro is expanded.
#include <rtcheck/realtime.h>
#include <stdio.h>

#define TRACE(value) printf("trace %d\n", (value))

RTCHECK_REALTIME(audio) void process(int v) {
  TRACE(v);  // expect: syscall
}
