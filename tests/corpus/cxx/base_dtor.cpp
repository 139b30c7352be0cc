// Destroying a derived local runs the base destructor implicitly: site inside the base dtor body.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Base {
  ~Base() {
    free(block);  // expect: alloc
  }
  void *block = nullptr;
};

struct Derived : Base {
  int extra = 0;
};

RTCHECK_REALTIME(audio) int process() {
  Derived d;
  return d.extra;
}
