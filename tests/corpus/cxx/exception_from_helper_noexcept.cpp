// A throw inside a callee is reported inside the callee, even when the root is noexcept.
#include <rtcheck/realtime.h>

struct BadState {};

static int validate(int state) {
  if (state < 0)
    throw BadState{};  // expect: exception
  return state;
}

RTCHECK_REALTIME(audio) int process(int state) noexcept {
  return validate(state);
}
