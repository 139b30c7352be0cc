// A lambda stored in a std::function and called: construction allocates, the call may throw, body followed.
#include <functional>
#include <rtcheck/realtime.h>
#include <stdio.h>

RTCHECK_REALTIME(audio) void process(double a, double b, double c) {
  std::function<void()> task = [a, b, c] {  // expect: alloc
    printf("%f\n", a + b + c);  // expect: syscall
  };
  task();  // expect: exception
}
