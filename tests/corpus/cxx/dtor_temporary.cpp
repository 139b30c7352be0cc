// Temporaries: a std type's ctor/dtor report on the full-expression's line; a user dtor inside its body.
#include <memory>
#include <rtcheck/realtime.h>
#include <stdio.h>

struct Logged {
  ~Logged() {
    puts("temporary gone");  // expect: syscall
  }
  int value = 1;
};

static int read_value(const Logged &l) { return l.value; }
static int deref(const std::unique_ptr<int> &p) { return *p; }

RTCHECK_REALTIME(audio) int process() {
  int a = read_value(Logged{});
  int b = deref(std::make_unique<int>(7));  // expect: alloc
  return a + b;
}
