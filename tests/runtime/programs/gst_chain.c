/* Chain functions set on sink pads, unmodified (no scope markers): an element registered here
 * (rtchainfilter, a GstElement with a sink pad chain function that mallocs once per buffer) in a
 * pipeline of Debian's plug-ins, audiotestsrc ! rtchainfilter ! fakesink, 50 buffers of 480 frames
 * at 48 kHz (10 ms each); then two rounds of a bare pair of pads the program links itself, whose
 * sink pad has a chain and a chain-list function, fed 10 buffers of 5 ms and one list of 4, then
 * finalised (the second round's pads may reuse the first's addresses); then a third round whose
 * sink pad gets its chain function copied from another pad (GST_PAD_CHAINFUNC), as forwarding
 * elements do, fed 10 buffers (no list).
 *
 * The filter's chain function is set twice (the first one must never run; its notify runs at the
 * re-set). Every chain function checks that the pad still holds the program's own chain data and
 * notify; "notified" counts the replaced function's notify and the bare pads' at finalisation. Prints "filter-chains N stale S wrong-data W notified X pad-chains P lists L". */
#include <gst/gst.h>
#include <stdio.h>
#include <stdlib.h>

static int chain_data, pad_data, list_data;
static int filter_chains, stale, wrong_data, notified, pad_chains, lists;

static void on_notify(gpointer data) {
  wrong_data += data != &chain_data && data != &pad_data && data != &list_data;
  notified++;
}

/* The filter's chain function's notify: when the element is finalised, which the pipeline's
 * streaming threads may delay past the end of main; not counted. */
static void on_filter_notify(gpointer data) { wrong_data += data != &chain_data; }

typedef struct RtChainFilter {
  GstElement parent;
  GstPad *sinkpad, *srcpad;
} RtChainFilter;
typedef struct RtChainFilterClass {
  GstElementClass parent_class;
} RtChainFilterClass;
G_DEFINE_TYPE(RtChainFilter, rt_chain_filter, GST_TYPE_ELEMENT)

static GstStaticPadTemplate sink_template =
    GST_STATIC_PAD_TEMPLATE("sink", GST_PAD_SINK, GST_PAD_ALWAYS, GST_STATIC_CAPS_ANY);
static GstStaticPadTemplate src_template =
    GST_STATIC_PAD_TEMPLATE("src", GST_PAD_SRC, GST_PAD_ALWAYS, GST_STATIC_CAPS_ANY);

static GstFlowReturn stale_chain(GstPad *pad, GstObject *parent, GstBuffer *buffer) {
  (void)pad;
  stale++;
  return gst_pad_push(((RtChainFilter *)parent)->srcpad, buffer);
}

static GstFlowReturn filter_chain(GstPad *pad, GstObject *parent, GstBuffer *buffer) {
  wrong_data += pad->chaindata != &chain_data || pad->chainnotify != on_filter_notify;
  free(malloc(64));
  filter_chains++;
  return gst_pad_push(((RtChainFilter *)parent)->srcpad, buffer);
}

static void rt_chain_filter_init(RtChainFilter *self) {
  self->sinkpad = gst_pad_new_from_static_template(&sink_template, "sink");
  gst_pad_set_chain_function_full(self->sinkpad, stale_chain, &chain_data, on_notify);
  gst_pad_set_chain_function_full(self->sinkpad, filter_chain, &chain_data, on_filter_notify);
  GST_PAD_SET_PROXY_CAPS(self->sinkpad);
  gst_element_add_pad(GST_ELEMENT(self), self->sinkpad);
  self->srcpad = gst_pad_new_from_static_template(&src_template, "src");
  GST_PAD_SET_PROXY_CAPS(self->srcpad);
  gst_element_add_pad(GST_ELEMENT(self), self->srcpad);
}

static void rt_chain_filter_class_init(RtChainFilterClass *klass) {
  GstElementClass *element = GST_ELEMENT_CLASS(klass);
  gst_element_class_set_static_metadata(element, "rtcheck chain filter", "Filter",
                                        "mallocs in its chain function", "rtcheck");
  gst_element_class_add_static_pad_template(element, &sink_template);
  gst_element_class_add_static_pad_template(element, &src_template);
}

static int run_pipeline(void) {
  gst_element_register(NULL, "rtchainfilter", GST_RANK_NONE, rt_chain_filter_get_type());
  GError *error = NULL;
  GstElement *pipeline = gst_parse_launch(
      "audiotestsrc num-buffers=50 samplesperbuffer=480 ! audio/x-raw,rate=48000 ! rtchainfilter ! "
      "fakesink sync=false",
      &error);
  if (!pipeline)
    return 0;
  gst_element_set_state(pipeline, GST_STATE_PLAYING);
  GstBus *bus = gst_element_get_bus(pipeline);
  GstMessage *msg =
      gst_bus_timed_pop_filtered(bus, 10 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  int ok = msg && GST_MESSAGE_TYPE(msg) == GST_MESSAGE_EOS;
  if (msg)
    gst_message_unref(msg);
  gst_element_set_state(pipeline, GST_STATE_NULL);
  gst_object_unref(bus);
  gst_object_unref(pipeline);
  return ok;
}

static GstFlowReturn pad_chain(GstPad *pad, GstObject *parent, GstBuffer *buffer) {
  (void)parent;
  wrong_data += pad->chaindata != &pad_data || pad->chainnotify != on_notify;
  pad_chains++;
  gst_buffer_unref(buffer);
  return GST_FLOW_OK;
}

static GstFlowReturn pad_chain_list(GstPad *pad, GstObject *parent, GstBufferList *list) {
  (void)parent;
  wrong_data += pad->chainlistdata != &list_data || pad->chainlistnotify != on_notify;
  lists++;
  gst_buffer_list_unref(list);
  return GST_FLOW_OK;
}

static gboolean pad_event(GstPad *pad, GstObject *parent, GstEvent *event) {
  (void)pad, (void)parent;
  gst_event_unref(event);
  return TRUE;
}

static GstBuffer *five_ms(void) {
  GstBuffer *buffer = gst_buffer_new_allocate(NULL, 240 * sizeof(float), NULL);
  GST_BUFFER_DURATION(buffer) = 5 * GST_MSECOND;
  return buffer;
}

/* One round of bare pads: returns 0 when a push fails. `copied`: the sink pad's chain function is
 * the one another pad holds, and it has no chain-list function. */
static int run_pads(int copied) {
  GstPad *src = gst_pad_new("src", GST_PAD_SRC);
  GstPad *sink = gst_pad_new("sink", GST_PAD_SINK);
  GstPad *model = gst_pad_new("model", GST_PAD_SINK);
  gst_pad_set_chain_function_full(model, pad_chain, &pad_data, on_notify);
  gst_pad_set_event_function(sink, pad_event);
  gst_pad_set_chain_function_full(sink, NULL, NULL, NULL);
  if (copied) {
    gst_pad_set_chain_function_full(sink, GST_PAD_CHAINFUNC(model), &pad_data, on_notify);
  } else {
    gst_pad_set_chain_function_full(sink, pad_chain, &pad_data, on_notify);
    gst_pad_set_chain_list_function_full(sink, pad_chain_list, &list_data, on_notify);
  }
  gst_pad_set_active(src, TRUE);
  gst_pad_set_active(sink, TRUE);
  int ok = gst_pad_link(src, sink) == GST_PAD_LINK_OK;
  gst_pad_push_event(src, gst_event_new_stream_start("rtcheck"));
  GstCaps *caps = gst_caps_new_empty_simple("audio/x-raw");
  gst_pad_push_event(src, gst_event_new_caps(caps));
  gst_caps_unref(caps);
  GstSegment segment;
  gst_segment_init(&segment, GST_FORMAT_TIME);
  gst_pad_push_event(src, gst_event_new_segment(&segment));
  for (int i = 0; i < 10; i++)
    ok &= gst_pad_push(src, five_ms()) == GST_FLOW_OK;
  if (!copied) {
    GstBufferList *list = gst_buffer_list_new();
    for (int i = 0; i < 4; i++)
      gst_buffer_list_add(list, five_ms());
    ok &= gst_pad_push_list(src, list) == GST_FLOW_OK;
  }
  gst_pad_unlink(src, sink);
  gst_pad_set_active(src, FALSE);
  gst_pad_set_active(sink, FALSE);
  gst_object_unref(src);
  gst_object_unref(sink);
  gst_object_unref(model);
  return ok;
}

int main(int argc, char **argv) {
  gst_init(&argc, &argv);
  int ok = run_pipeline();
  ok &= run_pads(0);
  ok &= run_pads(0);
  ok &= run_pads(1);
  printf("filter-chains %d stale %d wrong-data %d notified %d pad-chains %d lists %d\n",
         filter_chains, stale, wrong_data, notified, pad_chains, lists);
  return ok ? 0 : 4;
}
