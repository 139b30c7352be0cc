// A lambda capturing an object by value destroys its copy when the closure dies: site in the user dtor.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Handle {
  Handle() = default;
  Handle(const Handle &other) : mem(other.mem) {}
  ~Handle() {
    free(mem);  // expect: alloc
  }
  void *mem = nullptr;
};

RTCHECK_REALTIME(audio) bool process(const Handle &h) {
  auto has_memory = [h] { return h.mem != nullptr; };
  return has_memory();
}
