// Deep and mutual recursion over safe code terminates with no findings.
#include <rtcheck/realtime.h>

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int ping(int n);
static int pong(int n) { return n <= 0 ? 0 : ping(n - 1) + 1; }
static int ping(int n) { return n <= 0 ? 0 : pong(n - 1) + 1; }

RTCHECK_REALTIME(audio) int process(int n) {
  return fib(n % 10) + ping(n);
}
