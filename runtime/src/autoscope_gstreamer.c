/* GStreamer (camera context): an appsink's new_sample / new_preroll / new_event callbacks, an
 * appsrc's need_data callback and pad probes run in scopes named after them, on the streaming
 * thread that delivers each buffer. Budget: the time the data represents. A probe handed a buffer
 * uses its duration; an appsrc uses one frame of the caps the program gave it (read before the
 * scope until it has a framerate, at most 8 times); appsink callbacks, which get no buffer, use one
 * frame of the sink pad's negotiated caps (1/framerate),
 * read before the scope opens at each preroll and at the first sample after it or after the
 * registration (a later caps change without a preroll keeps the budget it had). No duration or
 * framerate: no deadline.
 *
 * Both registrations take one user_data for all their callbacks and a GDestroyNotify that GStreamer
 * calls when the registration is gone (callbacks replaced, probe removed, element finalised) and no
 * thread runs it any more: the shim passes a record as user_data, forwards every callback with the
 * program's own user_data, and releases the record in its own notify after calling the program's.
 * Structs as in /usr/include/gstreamer-1.0 (GStreamer 1.22), written out so the shim needs no
 * GStreamer headers or library (the buffer's in autoscope_gst.h). */
#include "autoscope.h"
#include "autoscope_gst.h"

#include <errno.h>
#include <string.h>

typedef struct GstAppSink GstAppSink;

typedef struct GstAppSinkCallbacks {
  void (*eos)(GstAppSink *sink, void *user_data);
  GstFlowReturn (*new_preroll)(GstAppSink *sink, void *user_data);
  GstFlowReturn (*new_sample)(GstAppSink *sink, void *user_data);
  gboolean (*new_event)(GstAppSink *sink, void *user_data);
  void *reserved[3];
} GstAppSinkCallbacks;

typedef struct GstAppSrc GstAppSrc;
typedef struct GstAppSrcCallbacks {
  void (*need_data)(GstAppSrc *src, unsigned length, void *user_data);
  void (*enough_data)(GstAppSrc *src, void *user_data);
  gboolean (*seek_data)(GstAppSrc *src, uint64_t offset, void *user_data);
  void *reserved[4];
} GstAppSrcCallbacks;

typedef struct GstPadProbeInfo {
  unsigned type; /* GstPadProbeType */
  unsigned long id;
  void *data;    /* a GstBuffer * with GST_PAD_PROBE_TYPE_BUFFER */
} GstPadProbeInfo;
#define GST_PAD_PROBE_TYPE_BUFFER (1u << 4)
typedef int (*GstPadProbeCallback)(GstPad *pad, GstPadProbeInfo *info, void *user_data);

void gst_app_sink_set_callbacks(GstAppSink *sink, GstAppSinkCallbacks *callbacks, void *user_data,
                                GDestroyNotify notify);
void gst_app_src_set_callbacks(GstAppSrc *src, GstAppSrcCallbacks *callbacks, void *user_data,
                               GDestroyNotify notify);
unsigned long gst_pad_add_probe(GstPad *pad, unsigned mask, GstPadProbeCallback callback,
                                void *user_data, GDestroyNotify destroy_data);

AUTOSCOPE_DECLARE_REAL(gst_app_sink_set_callbacks);
AUTOSCOPE_DECLARE_REAL(gst_app_src_set_callbacks);
AUTOSCOPE_DECLARE_REAL(gst_pad_add_probe);

enum { SINK_PREROLL, SINK_SAMPLE, SINK_EVENT, SINK_SLOTS };

#define GST_WRAPS 128

typedef struct gst_wrap {
  uint32_t state;               /* 0 free, 1 being filled, 2 live */
  void *data;                   /* the program's user_data */
  GDestroyNotify notify;        /* the program's notify */
  GstAppSinkCallbacks program;  /* an appsink's callbacks as the program gave them */
  GstAppSinkCallbacks copy;     /* what appsink calls */
  GstAppSrcCallbacks src_program; /* an appsrc's callbacks as the program gave them */
  GstAppSrcCallbacks src_copy;    /* what appsrc calls */
  GstPadProbeCallback probe;    /* a probe's callback */
  const char *names[SINK_SLOTS]; /* a probe's name is names[0] */
  uint64_t budget_ns;           /* appsink: one frame of the sink pad's caps */
  int budget_stale;             /* appsink: read the caps again before the next sample; appsrc:
                                   reads left while it has no framerate */
} gst_wrap;

static gst_wrap wraps[GST_WRAPS];

static gst_wrap *claim(void *data, GDestroyNotify notify) {
  for (unsigned i = 0; i < GST_WRAPS; i++) {
    gst_wrap *w = &wraps[i];
    uint32_t expected = 0;
    if (__atomic_load_n(&w->state, __ATOMIC_RELAXED) != 0 ||
        !__atomic_compare_exchange_n(&w->state, &expected, 1, 0, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
      continue;
    memset((char *)w + sizeof w->state, 0, sizeof *w - sizeof w->state);
    w->data = data;
    w->notify = notify;
    return w;
  }
  return 0;
}

static const char *name_of(const void *fn, int api) {
  char name[RTCHECK_AUTOSCOPE_NAME_MAX];
  rtcheck_autoscope_callback_name(fn, name, sizeof name);
  return rtcheck_autoscope_intern(name, api, rtcheck_autoscope_registration[api]);
}

/* GStreamer is done with the registration: the program's notify, then the record is free. */
static void wrap_notify(void *p) {
  gst_wrap *w = p;
  if (w->notify)
    w->notify(w->data);
  __atomic_store_n(&w->state, 0, __ATOMIC_RELEASE);
}

/* --- Budgets -------------------------------------------------------------------------------- */

typedef void *(*get_static_pad_fn)(void *element, const char *name);
typedef void *(*get_current_caps_fn)(void *pad);
typedef void *(*caps_get_structure_fn)(void *caps, unsigned index);
typedef gboolean (*structure_get_fraction_fn)(void *structure, const char *field, int *num,
                                              int *den);
typedef void (*unref_fn)(void *object);

/* One frame of `caps` (a GstCaps *, unreferenced here), in ns; 0 without a fixed framerate. */
static uint64_t caps_frame_ns(void *caps);

/* One frame of the sink pad's current caps, in ns; 0 without caps or a fixed framerate. Calls into
 * GStreamer (a lock, references): outside the scope and not counted. */
static uint64_t appsink_frame_ns(GstAppSink *sink) {
  static void *slots[2];
  get_static_pad_fn get_pad =
      (get_static_pad_fn)rtcheck_autoscope_real(&slots[0], "gst_element_get_static_pad");
  get_current_caps_fn get_caps =
      (get_current_caps_fn)rtcheck_autoscope_real(&slots[1], "gst_pad_get_current_caps");
  static void *unref_slot;
  unref_fn pad_unref = (unref_fn)rtcheck_autoscope_real(&unref_slot, "gst_object_unref");
  if (!get_pad || !get_caps || !pad_unref)
    return 0;
  void *pad = get_pad(sink, "sink");
  uint64_t ns = pad ? caps_frame_ns(get_caps(pad)) : 0;
  if (pad)
    pad_unref(pad);
  return ns;
}

/* One frame of the caps the program set on an appsrc. */
static uint64_t appsrc_frame_ns(GstAppSrc *src) {
  static void *slot;
  get_current_caps_fn get_caps = (get_current_caps_fn)rtcheck_autoscope_real(&slot, "gst_app_src_get_caps");
  return get_caps ? caps_frame_ns(get_caps(src)) : 0;
}

static uint64_t caps_frame_ns(void *caps) {
  static void *slots[3];
  caps_get_structure_fn get_structure =
      (caps_get_structure_fn)rtcheck_autoscope_real(&slots[0], "gst_caps_get_structure");
  structure_get_fraction_fn get_fraction =
      (structure_get_fraction_fn)rtcheck_autoscope_real(&slots[1], "gst_structure_get_fraction");
  unref_fn caps_unref = (unref_fn)rtcheck_autoscope_real(&slots[2], "gst_mini_object_unref");
  if (!caps || !get_structure || !get_fraction || !caps_unref)
    return 0;
  uint64_t ns = 0;
  void *structure = get_structure(caps, 0);
  int num = 0, den = 0;
  if (structure && get_fraction(structure, "framerate", &num, &den) && num > 0 && den > 0)
    ns = (uint64_t)den * 1000000000ull / (uint64_t)num;
  caps_unref(caps);
  return ns;
}

static void refresh_budget(gst_wrap *w, GstAppSink *sink) {
  int e = errno;
  rtcheck_thread.guard++;
  w->budget_ns = appsink_frame_ns(sink);
  rtcheck_thread.guard--;
  errno = e;
}

/* --- appsink ---------------------------------------------------------------------------------- */

static void sink_eos(GstAppSink *sink, void *p) {
  gst_wrap *w = p;
  w->program.eos(sink, w->data);
}

static GstFlowReturn sink_new_preroll(GstAppSink *sink, void *p) {
  gst_wrap *w = p;
  refresh_budget(w, sink);
  w->budget_stale = 1;
  rtcheck_autoscope_begin(w->names[SINK_PREROLL], w->budget_ns);
  GstFlowReturn r = w->program.new_preroll(sink, w->data);
  rtcheck_autoscope_end();
  return r;
}

static GstFlowReturn sink_new_sample(GstAppSink *sink, void *p) {
  gst_wrap *w = p;
  if (RTCHECK_UNLIKELY(w->budget_stale)) {
    refresh_budget(w, sink);
    w->budget_stale = 0;
  }
  rtcheck_autoscope_begin(w->names[SINK_SAMPLE], w->budget_ns);
  GstFlowReturn r = w->program.new_sample(sink, w->data);
  rtcheck_autoscope_end();
  return r;
}

static gboolean sink_new_event(GstAppSink *sink, void *p) {
  gst_wrap *w = p;
  rtcheck_autoscope_begin(w->names[SINK_EVENT], w->budget_ns);
  gboolean r = w->program.new_event(sink, w->data);
  rtcheck_autoscope_end();
  return r;
}

RTCHECK_EXPORT void gst_app_sink_set_callbacks(GstAppSink *sink, GstAppSinkCallbacks *callbacks,
                                               void *user_data, GDestroyNotify notify) {
  __typeof__(&gst_app_sink_set_callbacks) real = AUTOSCOPE_REAL(gst_app_sink_set_callbacks);
  if (!real)
    return;
  gst_wrap *w = 0;
  if (callbacks && (callbacks->new_preroll || callbacks->new_sample || callbacks->new_event)) {
    int e = errno;
    rtcheck_thread.guard++;
    w = claim(user_data, notify);
    if (w) {
      w->program = *callbacks;
      w->copy = *callbacks;
      w->budget_stale = 1; /* read the caps at the first sample */
      w->copy.eos = callbacks->eos ? sink_eos : 0;
      if (callbacks->new_preroll) {
        w->copy.new_preroll = sink_new_preroll;
        w->names[SINK_PREROLL] = name_of((const void *)callbacks->new_preroll, RTCHECK_AS_gst_appsink_preroll);
      }
      if (callbacks->new_sample) {
        w->copy.new_sample = sink_new_sample;
        w->names[SINK_SAMPLE] = name_of((const void *)callbacks->new_sample, RTCHECK_AS_gst_appsink_sample);
      }
      if (callbacks->new_event) {
        w->copy.new_event = sink_new_event;
        w->names[SINK_EVENT] = name_of((const void *)callbacks->new_event, RTCHECK_AS_gst_appsink_event);
      }
      __atomic_store_n(&w->state, 2, __ATOMIC_RELEASE);
    }
    rtcheck_thread.guard--;
    errno = e;
  }
  if (w)
    real(sink, &w->copy, w, wrap_notify);
  else
    real(sink, callbacks, user_data, notify);
}

/* --- appsrc ---------------------------------------------------------------------------------- */

static void src_need_data(GstAppSrc *src, unsigned length, void *p) {
  gst_wrap *w = p;
  if (RTCHECK_UNLIKELY(!w->budget_ns && w->budget_stale > 0)) {
    int e = errno;
    rtcheck_thread.guard++;
    w->budget_ns = appsrc_frame_ns(src);
    w->budget_stale--;
    rtcheck_thread.guard--;
    errno = e;
  }
  rtcheck_autoscope_begin(w->names[0], w->budget_ns);
  w->src_program.need_data(src, length, w->data);
  rtcheck_autoscope_end();
}

static void src_enough_data(GstAppSrc *src, void *p) {
  gst_wrap *w = p;
  w->src_program.enough_data(src, w->data);
}

static gboolean src_seek_data(GstAppSrc *src, uint64_t offset, void *p) {
  gst_wrap *w = p;
  return w->src_program.seek_data(src, offset, w->data);
}

RTCHECK_EXPORT void gst_app_src_set_callbacks(GstAppSrc *src, GstAppSrcCallbacks *callbacks,
                                              void *user_data, GDestroyNotify notify) {
  __typeof__(&gst_app_src_set_callbacks) real = AUTOSCOPE_REAL(gst_app_src_set_callbacks);
  if (!real)
    return;
  gst_wrap *w = 0;
  if (callbacks && callbacks->need_data) {
    int e = errno;
    rtcheck_thread.guard++;
    w = claim(user_data, notify);
    if (w) {
      w->src_program = *callbacks;
      w->src_copy = *callbacks;
      w->src_copy.need_data = src_need_data;
      w->src_copy.enough_data = callbacks->enough_data ? src_enough_data : 0;
      w->src_copy.seek_data = callbacks->seek_data ? src_seek_data : 0;
      w->names[0] = name_of((const void *)callbacks->need_data, RTCHECK_AS_gst_appsrc_need_data);
      w->budget_stale = 8; /* reads of the caps while there is no framerate */
      __atomic_store_n(&w->state, 2, __ATOMIC_RELEASE);
    }
    rtcheck_thread.guard--;
    errno = e;
  }
  if (w)
    real(src, &w->src_copy, w, wrap_notify);
  else
    real(src, callbacks, user_data, notify);
}

/* --- Pad probes ------------------------------------------------------------------------------- */

static int probe_tramp(GstPad *pad, GstPadProbeInfo *info, void *p) {
  gst_wrap *w = p;
  uint64_t budget = 0;
  if (info && (info->type & GST_PAD_PROBE_TYPE_BUFFER) && info->data)
    budget = rtcheck_gst_buffer_ns(info->data);
  rtcheck_autoscope_begin(w->names[0], budget);
  int r = w->probe(pad, info, w->data);
  rtcheck_autoscope_end();
  return r;
}

RTCHECK_EXPORT unsigned long gst_pad_add_probe(GstPad *pad, unsigned mask,
                                               GstPadProbeCallback callback, void *user_data,
                                               GDestroyNotify destroy_data) {
  __typeof__(&gst_pad_add_probe) real = AUTOSCOPE_REAL(gst_pad_add_probe);
  if (!real)
    return 0;
  gst_wrap *w = 0;
  if (callback) {
    int e = errno;
    rtcheck_thread.guard++;
    w = claim(user_data, destroy_data);
    if (w) {
      w->probe = callback;
      w->names[0] = name_of((const void *)callback, RTCHECK_AS_gst_pad_probe);
      __atomic_store_n(&w->state, 2, __ATOMIC_RELEASE);
    }
    rtcheck_thread.guard--;
    errno = e;
  }
  if (!w)
    return real(pad, mask, callback, user_data, destroy_data);
  /* An idle probe on an idle pad runs inside this call, and GStreamer then removes it (0 returned,
   * destroy_data called): all through the record. */
  return real(pad, mask, probe_tramp, w, wrap_notify);
}
