// CRTP static dispatch: the base template calls the derived implementation, whose body is the site.
#include <rtcheck/realtime.h>
#include <stdio.h>

template <typename Derived> struct Block {
  void run(float *buf, int n) { static_cast<Derived *>(this)->render(buf, n); }
};

struct Noisy : Block<Noisy> {
  void render(float *buf, int n) {
    fprintf(stderr, "%d %f\n", n, buf[0]);  // expect: syscall
  }
};

struct Quiet : Block<Quiet> {
  void render(float *buf, int n) {
    printf("never reached %d %f\n", n, buf[0]);
  }
};

Noisy g_noisy;

RTCHECK_REALTIME(audio) void process(float *buf, int n) {
  g_noisy.run(buf, n);
}

void offline(float *buf, int n) {
  Quiet q;
  q.run(buf, n);
}
