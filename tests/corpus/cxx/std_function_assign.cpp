// Assigning a large lambda to a std::function allocates on the assignment's line (the body is not called).
#include <functional>
#include <rtcheck/realtime.h>
#include <stdio.h>

std::function<void()> g_on_done;

RTCHECK_REALTIME(audio) void process(double a, double b, double c, double d) {
  g_on_done = [a, b, c, d] { printf("%f\n", a + b + c + d); };  // expect: alloc
}
