// Impl (anonymous namespace, this TU) allocates; both same-named Impl classes are overriders.
#include "shape.h"

namespace {
struct Impl : Stage {
  void tick() override {
    data = new int[8];  // expect: alloc
  }
  int *data = nullptr;
};
} // namespace

Stage *make_first() { return new Impl; }
