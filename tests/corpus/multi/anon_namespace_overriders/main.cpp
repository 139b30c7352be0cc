// The root ticks a Stage: both anonymous-namespace overriders are reached, each reported in its TU.
#include "shape.h"
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(audio) void process(Stage *s) {
  s->tick();
}
