/* GStreamer streaming-thread callbacks: pad chain and chain-list functions (gst_pad_set_chain_function[_full] macros), appsink new_sample / new_preroll / new_event (all "called from the streaming thread", gstappsink.h) and appsrc need_data are camera roots. */
// compile-flags: -I/usr/include/gstreamer-1.0 -I/usr/include/glib-2.0 -I/usr/lib/x86_64-linux-gnu/glib-2.0/include
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>

static GstFlowReturn chain(GstPad *pad, GstObject *parent, GstBuffer *buf) {
  (void)parent;
  GstBuffer *copy = gst_buffer_copy(buf); // expect: alloc
  gst_buffer_unref(buf); // expect: alloc
  return gst_pad_push(pad, copy); // expect: lock
}

static GstFlowReturn chain_list(GstPad *pad, GstObject *parent, GstBufferList *list) {
  (void)parent;
  g_usleep(100); // expect: syscall
  return gst_pad_push_list(pad, list); // expect: lock
}

static GstFlowReturn new_sample(GstAppSink *sink, gpointer user_data) {
  (void)user_data;
  GstSample *s = gst_app_sink_pull_sample(sink); // expect: lock
  GstBuffer *b = gst_sample_get_buffer(s);
  (void)b;
  gst_sample_unref(s); // expect: alloc
  return GST_FLOW_OK;
}

static GstFlowReturn new_preroll(GstAppSink *sink, gpointer user_data) {
  (void)user_data;
  GstSample *s = gst_app_sink_try_pull_preroll(sink, 0);
  GstCaps *caps = gst_sample_get_caps(s);
  gchar *desc = gst_caps_to_string(caps); // expect: alloc
  g_free(desc); // expect: alloc
  GstSample *next = gst_app_sink_try_pull_sample(sink, GST_SECOND); // expect: lock
  (void)next;
  return GST_FLOW_OK;
}

static gboolean new_event(GstAppSink *sink, gpointer user_data) {
  (void)sink;
  (void)user_data;
  g_printerr("event\n"); // expect: syscall
  return FALSE;
}

static void need_data(GstAppSrc *src, guint length, gpointer user_data) {
  (void)user_data;
  GstBuffer *b = gst_buffer_new_allocate(NULL, length, NULL); // expect: alloc
  gst_app_src_push_buffer(src, b); // expect: lock
}

void setup(GstPad *sinkpad, GstPad *listpad, GstAppSink *sink, GstAppSrc *src) {
  gst_pad_set_chain_function(sinkpad, chain);
  gst_pad_set_chain_list_function_full(listpad, chain_list, NULL, NULL);
  GstAppSinkCallbacks sink_cbs = {0};
  sink_cbs.new_sample = new_sample;
  sink_cbs.new_preroll = new_preroll;
  sink_cbs.new_event = new_event;
  gst_app_sink_set_callbacks(sink, &sink_cbs, NULL, NULL);
  GstAppSrcCallbacks src_cbs = {.need_data = need_data};
  gst_app_src_set_callbacks(src, &src_cbs, NULL, NULL);
}
