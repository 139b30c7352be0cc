/* What the GStreamer interposers (autoscope_gstreamer.c, autoscope_gst_chain.c) read of a GstBuffer:
 * written out from /usr/include/gstreamer-1.0 (GStreamer 1.22), so the shim needs no GStreamer
 * headers or library. */
#ifndef RTCHECK_AUTOSCOPE_GST_H
#define RTCHECK_AUTOSCOPE_GST_H

#include <stddef.h>
#include <stdint.h>

typedef int GstFlowReturn;
typedef int gboolean;
typedef void (*GDestroyNotify)(void *data);
typedef struct GstPad GstPad;

/* The leading part of struct _GstBuffer: its GstMiniObject, pool, and times. */
typedef struct GstBufferHead {
  size_t type;
  int refcount, lockstate;
  unsigned flags;
  void *copy, *dispose, *free;
  unsigned priv_uint;
  void *priv_pointer;
  void *pool;
  uint64_t pts, dts, duration;
} GstBufferHead;
#define GST_CLOCK_TIME_NONE UINT64_MAX

/* The time a buffer (a GstBuffer *) represents, in ns; 0 (no deadline) when it has no duration. */
static inline uint64_t rtcheck_gst_buffer_ns(const void *buffer) {
  uint64_t duration = buffer ? ((const GstBufferHead *)buffer)->duration : GST_CLOCK_TIME_NONE;
  return duration == GST_CLOCK_TIME_NONE ? 0 : duration;
}

#endif /* RTCHECK_AUTOSCOPE_GST_H */
