/* A GStreamer buffer probe that only reads probe info and buffer metadata (size, PTS, flags) and counts with GLib atomics: no finding. */
// compile-flags: -I/usr/include/gstreamer-1.0 -I/usr/include/glib-2.0 -I/usr/lib/x86_64-linux-gnu/glib-2.0/include
#include <gst/gst.h>

typedef struct {
  gint frames;
  gint dropped;
  guint64 bytes;
  GstClockTime last_pts;
} Stats;

static GstPadProbeReturn count_buffers(GstPad *pad, GstPadProbeInfo *info, gpointer user_data) {
  (void)pad;
  Stats *st = user_data;
  GstBuffer *buf = gst_pad_probe_info_get_buffer(info);
  if (buf == NULL)
    return GST_PAD_PROBE_PASS;
  g_atomic_int_inc(&st->frames);
  if (GST_BUFFER_FLAG_IS_SET(buf, GST_BUFFER_FLAG_CORRUPTED)) {
    g_atomic_int_inc(&st->dropped);
    return GST_PAD_PROBE_DROP;
  }
  st->bytes += gst_buffer_get_size(buf);
  st->last_pts = GST_BUFFER_PTS(buf);
  return GST_PAD_PROBE_OK;
}

void attach(GstPad *pad, Stats *st) {
  gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_BUFFER, count_buffers, st, NULL);
}
