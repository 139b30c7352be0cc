/* GStreamer element code: a GstBaseTransform subclass's transform_ip vmethod (stored in GstBaseTransformClass.transform_ip in class_init) runs in the streaming thread for every buffer, like a pad chain function. */
// compile-flags: -I/usr/include/gstreamer-1.0 -I/usr/include/glib-2.0 -I/usr/lib/x86_64-linux-gnu/glib-2.0/include
#include <gst/base/gstbasetransform.h>
#include <gst/gst.h>

typedef struct {
  GstBaseTransform parent;
  guint64 frames;
} GstRtInvert;

typedef struct {
  GstBaseTransformClass parent_class;
} GstRtInvertClass;

G_DEFINE_TYPE(GstRtInvert, gst_rt_invert, GST_TYPE_BASE_TRANSFORM)

static GstFlowReturn gst_rt_invert_transform_ip(GstBaseTransform *trans, GstBuffer *buf) {
  GstRtInvert *self = (GstRtInvert *)trans;
  self->frames++;
  g_print("frame %" G_GUINT64_FORMAT " of %" G_GSIZE_FORMAT " bytes\n", self->frames, gst_buffer_get_size(buf)); // expect: syscall
  return GST_FLOW_OK;
}

static void gst_rt_invert_class_init(GstRtInvertClass *klass) {
  GstBaseTransformClass *trans_class = GST_BASE_TRANSFORM_CLASS(klass);
  trans_class->transform_ip = GST_DEBUG_FUNCPTR(gst_rt_invert_transform_ip);
}

static void gst_rt_invert_init(GstRtInvert *self) { self->frames = 0; }
