// A std::function holding a plain function pointer stores it locally (no heap branch is instantiated):
// no alloc at construction or destruction; only the call may throw bad_function_call.
#include <functional>
#include <rtcheck/realtime.h>

static int twice(int x) { return 2 * x; }

RTCHECK_REALTIME(audio) int process(int x) {
  std::function<int(int)> f = twice;
  return f(x);  // expect: exception
}
