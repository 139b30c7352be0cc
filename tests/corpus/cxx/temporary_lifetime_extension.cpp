// A temporary bound to a const reference lives to the end of the scope; its user dtor still runs.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Lease {
  Lease() = default;
  ~Lease() {
    free(mem);  // expect: alloc
  }
  void *mem = nullptr;
};

RTCHECK_REALTIME(audio) bool process() {
  const Lease &l = Lease{};
  return l.mem == nullptr;
}
