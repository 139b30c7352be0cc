/* An appsrc whose need_data callback allocates: it pushes one 30 fps frame per call (malloc once)
 * into `appsrc ! fakesink` until 30 frames are out, then ends the stream. The callbacks check that
 * they get the program's own user_data. Prints "need-data N frames F wrong-data W notified X".
 * Unmodified: no scope markers. */
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <stdio.h>
#include <stdlib.h>

#define FRAMES 30

static int src_data, need_data, frames, wrong_data, notified;

static void on_need_data(GstAppSrc *src, guint length, gpointer data) {
  (void)length;
  wrong_data += data != &src_data;
  need_data++;
  free(malloc(64));
  if (frames == FRAMES)
    return;
  GstBuffer *buffer = gst_buffer_new_allocate(NULL, 64 * 48, NULL);
  GST_BUFFER_PTS(buffer) = gst_util_uint64_scale(frames, GST_SECOND, 30);
  GST_BUFFER_DURATION(buffer) = gst_util_uint64_scale(1, GST_SECOND, 30);
  gst_app_src_push_buffer(src, buffer);
  if (++frames == FRAMES)
    gst_app_src_end_of_stream(src);
}

static void on_enough_data(GstAppSrc *src, gpointer data) {
  (void)src;
  wrong_data += data != &src_data;
}

static void on_notify(gpointer data) {
  wrong_data += data != &src_data;
  notified++;
}

int main(int argc, char **argv) {
  gst_init(&argc, &argv);
  GstElement *pipeline = gst_parse_launch(
      "appsrc name=src format=time caps=video/x-raw,format=GRAY8,width=64,height=48,framerate=30/1 "
      "! fakesink sync=false",
      NULL);
  if (!pipeline)
    return 2;
  GstElement *src = gst_bin_get_by_name(GST_BIN(pipeline), "src");
  GstAppSrcCallbacks callbacks = {.need_data = on_need_data, .enough_data = on_enough_data};
  gst_app_src_set_callbacks(GST_APP_SRC(src), &callbacks, &src_data, on_notify);
  gst_element_set_state(pipeline, GST_STATE_PLAYING);
  GstBus *bus = gst_element_get_bus(pipeline);
  GstMessage *msg =
      gst_bus_timed_pop_filtered(bus, 10 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  int ok = msg && GST_MESSAGE_TYPE(msg) == GST_MESSAGE_EOS;
  if (msg)
    gst_message_unref(msg);
  gst_element_set_state(pipeline, GST_STATE_NULL);
  gst_object_unref(bus);
  gst_object_unref(src);
  gst_object_unref(pipeline);
  printf("need-data %d frames %d wrong-data %d notified %d\n", need_data, frames, wrong_data,
         notified);
  return ok ? 0 : 3;
}
