/* An annotated camera frame handler that only reads the already-dequeued, mmap'ed V4L2 buffer (the capture thread owns the ioctls): no finding. */
// compile-flags: -std=gnu11
#include <linux/videodev2.h>
#include <rtcheck/realtime.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

struct stats {
  uint32_t histogram[256];
  atomic_uint frames;
  struct timespec last;
};

RTCHECK_REALTIME(camera) void on_frame(struct stats *s, const struct v4l2_buffer *buf, const uint8_t *yuyv) {
  memset(s->histogram, 0, sizeof s->histogram);
  for (uint32_t i = 0; i < buf->bytesused; i += 2)
    s->histogram[yuyv[i]]++;
  clock_gettime(CLOCK_MONOTONIC, &s->last);
  atomic_fetch_add_explicit(&s->frames, 1, memory_order_relaxed);
}
