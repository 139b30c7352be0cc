// A non-virtual method of an unrelated class with the same name is never reached by a virtual call.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Voice {
  virtual ~Voice() = default;
  virtual float render() { return 0.0f; }
};

struct Loader {
  float render() {
    free(malloc(64));
    return 1.0f;
  }
};

RTCHECK_REALTIME(audio) float process(Voice &v) {
  return v.render();
}
