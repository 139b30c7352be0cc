// A local's implicit destructor call at scope end reaches the user destructor: site inside its body.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Owned {
  Owned() = default;
  ~Owned() {
    free(ptr);  // expect: alloc
  }
  void *ptr = nullptr;
};

RTCHECK_REALTIME(audio) void process() {
  Owned o;
  o.ptr = nullptr;
}
