// A suppression in the callee's TU applies to its own site, whichever TU the root is in.
#include "stats.h"
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(audio) void audio_callback(int frames) {
  stats_record(frames);
}
