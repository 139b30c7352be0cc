// A qualified call Base::f() is not virtual: only the named body is reached, not the overriders.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

struct Base {
  virtual ~Base() = default;
  virtual void step() {
    puts("base step");  // expect: syscall
  }
};

struct Derived : Base {
  void step() override { free(malloc(4)); }
};

RTCHECK_REALTIME(audio) void process(Derived *d) {
  d->Base::step();
}
