// The root calls a function trusted by its header declaration and one that is not.
#include "queue.h"

RTCHECK_REALTIME(audio) void audio_callback(int v) {
  if (!queue_push(v))
    queue_flush();
}
