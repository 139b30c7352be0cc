// A different Impl (anonymous namespace, this TU) writes to stdout.
#include "shape.h"
#include <stdio.h>

namespace {
struct Impl : Stage {
  void tick() override {
    puts("tick");  // expect: syscall
  }
};
} // namespace

Stage *make_second() { return new Impl; }
