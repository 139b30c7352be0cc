// C++: a [[noreturn]] function that throws leaves by an exception, not by ending the program, so its throw is reported; std::terminate and a logging block before std::abort are not.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <rtcheck/realtime.h>

struct Failure {
  const char *what;
};

[[noreturn]] static void fail(const char *what) {
  throw Failure{what}; // expect: exception
}

[[noreturn]] static void fatal(const char *what) {
  std::fprintf(stderr, "%s\n", what);
  std::terminate();
}

RTCHECK_REALTIME(audio) void render(float *out, int n) {
  if (n < 0)
    fail("negative");
  if (!out) {
    std::fputs("no buffer\n", stderr);
    std::abort();
  }
  if (n > 1 << 20)
    fatal("too many frames");
  for (int i = 0; i < n; ++i)
    out[i] = 0.0f;
}
