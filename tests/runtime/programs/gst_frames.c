/* A GStreamer pipeline whose streaming-thread callbacks allocate: videotestsrc makes 60 frames at
 * 30 fps for an appsink; a buffer probe on the source pad and the appsink's new_sample each malloc
 * once per frame, new_preroll once. The callbacks are set twice (callbacks A replaced by B before the
 * pipeline runs: A's notify runs then, and A's functions must never run). Every callback checks that
 * it gets the program's own user_data. Prints "samples N prerolls M probes K wrong-data W
 * notified X stale Y". Unmodified: no scope markers. */
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <stdio.h>
#include <stdlib.h>

static int sink_data, probe_data;
static int samples, prerolls, probes, wrong_data, notified, stale;

static GstFlowReturn stale_sample(GstAppSink *sink, gpointer data) {
  (void)sink, (void)data;
  stale++;
  return GST_FLOW_OK;
}

static GstFlowReturn on_new_sample(GstAppSink *sink, gpointer data) {
  wrong_data += data != &sink_data;
  GstSample *sample = gst_app_sink_pull_sample(sink);
  free(malloc(64));
  samples++;
  if (sample)
    gst_sample_unref(sample);
  return GST_FLOW_OK;
}

static GstFlowReturn on_new_preroll(GstAppSink *sink, gpointer data) {
  (void)sink;
  wrong_data += data != &sink_data;
  free(malloc(64));
  prerolls++;
  return GST_FLOW_OK;
}

static void on_eos(GstAppSink *sink, gpointer data) {
  (void)sink;
  wrong_data += data != &sink_data;
}

static void on_notify(gpointer data) {
  wrong_data += data != &sink_data && data != &probe_data;
  notified++;
}

static GstPadProbeReturn on_buffer(GstPad *pad, GstPadProbeInfo *info, gpointer data) {
  (void)pad, (void)info;
  wrong_data += data != &probe_data;
  free(malloc(64));
  probes++;
  return GST_PAD_PROBE_OK;
}

int main(int argc, char **argv) {
  gst_init(&argc, &argv);
  GError *error = NULL;
  GstElement *pipeline = gst_parse_launch(
      "videotestsrc name=src num-buffers=60 ! video/x-raw,width=64,height=48,framerate=30/1 ! "
      "appsink name=sink sync=false",
      &error);
  if (!pipeline)
    return 2;
  GstElement *sink = gst_bin_get_by_name(GST_BIN(pipeline), "sink");
  GstElement *src = gst_bin_get_by_name(GST_BIN(pipeline), "src");
  GstAppSinkCallbacks stale_callbacks = {.new_sample = stale_sample};
  gst_app_sink_set_callbacks(GST_APP_SINK(sink), &stale_callbacks, &sink_data, on_notify);
  GstAppSinkCallbacks callbacks = {
      .eos = on_eos, .new_preroll = on_new_preroll, .new_sample = on_new_sample};
  gst_app_sink_set_callbacks(GST_APP_SINK(sink), &callbacks, &sink_data, on_notify);
  GstPad *pad = gst_element_get_static_pad(src, "src");
  gulong probe = gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_BUFFER, on_buffer, &probe_data, on_notify);
  if (probe == 0)
    return 3;
  gst_element_set_state(pipeline, GST_STATE_PLAYING);
  GstBus *bus = gst_element_get_bus(pipeline);
  GstMessage *msg =
      gst_bus_timed_pop_filtered(bus, 10 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  int ok = msg && GST_MESSAGE_TYPE(msg) == GST_MESSAGE_EOS;
  if (msg)
    gst_message_unref(msg);
  gst_pad_remove_probe(pad, probe);
  gst_element_set_state(pipeline, GST_STATE_NULL);
  gst_object_unref(bus);
  gst_object_unref(pad);
  gst_object_unref(src);
  gst_object_unref(sink);
  gst_object_unref(pipeline);
  printf("samples %d prerolls %d probes %d wrong-data %d notified %d stale %d\n", samples, prerolls,
         probes, wrong_data, notified, stale);
  return ok ? 0 : 4;
}
