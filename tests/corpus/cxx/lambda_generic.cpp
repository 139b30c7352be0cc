// A generic lambda called with two argument types: its body's site is reported once on its line.
#include <rtcheck/realtime.h>
#include <stdlib.h>

RTCHECK_REALTIME(audio) void process(int i, double d) {
  auto box = [](auto value) {
    auto *p = static_cast<decltype(value) *>(malloc(sizeof(value)));  // expect: alloc
    *p = value;
    return p;
  };
  free(box(i));  // expect: alloc
  free(box(d));  // expect: alloc
}
