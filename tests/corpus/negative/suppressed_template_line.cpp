// A suppression on a line inside a template covers every instantiation reached from the root.
#include <rtcheck/realtime.h>
#include <stdlib.h>

template <typename T> T *make_one() {
  return static_cast<T *>(malloc(sizeof(T))); // rtcheck-allow(alloc): warm-up only, see engine docs
}

RTCHECK_REALTIME(audio) void process() {
  free(make_one<int>()); // rtcheck-allow(alloc): paired with the warm-up allocation
  free(make_one<double>()); // rtcheck-allow(alloc): paired with the warm-up allocation
}
