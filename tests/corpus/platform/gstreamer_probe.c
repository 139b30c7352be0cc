/* GStreamer: an unannotated buffer probe (gst_pad_add_probe) runs in the streaming thread: g_print, malloc, mapping the buffer, pushing events and GLib locks are reported; probe-info accessors, buffer size, PTS and the monotonic clock are not. */
// compile-flags: -I/usr/include/gstreamer-1.0 -I/usr/include/glib-2.0 -I/usr/lib/x86_64-linux-gnu/glib-2.0/include
#include <gst/gst.h>
#include <stdlib.h>

static GMutex g_lock;
static guint64 g_bytes;
static void *g_copy;

static GstPadProbeReturn on_buffer(GstPad *pad, GstPadProbeInfo *info, gpointer user_data) {
  (void)user_data;
  GstBuffer *buf = gst_pad_probe_info_get_buffer(info);
  gsize size = gst_buffer_get_size(buf);
  GstClockTime pts = GST_BUFFER_PTS(buf);
  gint64 now = g_get_monotonic_time();
  g_print("buffer pts=%" GST_TIME_FORMAT " size=%" G_GSIZE_FORMAT " at %" G_GINT64_FORMAT "\n", GST_TIME_ARGS(pts), size, now); // expect: syscall
  g_copy = malloc(size); // expect: alloc
  GstMapInfo map;
  if (gst_buffer_map(buf, &map, GST_MAP_READ)) { // expect: driver
    g_mutex_lock(&g_lock); // expect: lock
    g_bytes += map.size;
    g_mutex_unlock(&g_lock); // expect: lock
    gst_buffer_unmap(buf, &map); // expect: driver
  }
  if (g_bytes > (1u << 30))
    gst_pad_push_event(pad, gst_event_new_eos()); // expect: alloc, lock
  return GST_PAD_PROBE_OK;
}

int main(int argc, char *argv[]) {
  gst_init(&argc, &argv);
  GstElement *pipeline = gst_parse_launch("videotestsrc name=src ! fakesink", NULL);
  GstElement *src = gst_bin_get_by_name(GST_BIN(pipeline), "src");
  GstPad *pad = gst_element_get_static_pad(src, "src");
  gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_BUFFER, on_buffer, NULL, NULL);
  gst_element_set_state(pipeline, GST_STATE_PLAYING);
  return 0;
}
