// A throw expression is an exception finding on its line, for any operand type and for rethrow.
#include <rtcheck/realtime.h>

struct Overrun {
  int frames;
};

static void check(int frames) {
  if (frames > 4096)
    throw Overrun{frames};  // expect: exception
  if (frames < 0)
    throw -1;  // expect: exception
}

RTCHECK_REALTIME(audio) void process(int frames) {
  check(frames);
}
