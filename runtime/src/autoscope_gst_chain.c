/* GStreamer pad chain functions (camera context): the function a sink pad runs for every buffer
 * (and buffer list) pushed into it, on the upstream streaming thread, runs in a scope named after
 * it and its element's type, budgeted the buffer's duration (a list: the sum of its buffers' durations, when all have
 * one). Elements in plug-ins and programs set them through gst_pad_set_chain_function_full and
 * gst_pad_set_chain_list_function_full (GStreamer core's own pads bind the setter inside
 * libgstreamer and are not seen).
 *
 * A chain function gets no user_data argument: it reads GST_PAD_CHAINDATA(pad) itself, and the
 * pad calls the notify when the function is replaced or the pad is finalised. So the shim hands
 * the real setter the program's user_data and notify unchanged and only replaces the function with
 * a trampoline, which finds the program's function by the pad in a table (lock-free reads). The
 * table entry lives as long as the pad: GObject qdata on the pad frees it when the pad is
 * finalised. */
#include "autoscope.h"
#include "autoscope_gst.h"

#include <errno.h>
#include <stdio.h>

typedef struct GstObject GstObject;
typedef GstFlowReturn (*GstPadChainFunction)(GstPad *pad, GstObject *parent, void *buffer);
typedef GstFlowReturn (*GstPadChainListFunction)(GstPad *pad, GstObject *parent, void *list);
#define GST_FLOW_ERROR (-5)

void gst_pad_set_chain_function_full(GstPad *pad, GstPadChainFunction chain, void *user_data,
                                     GDestroyNotify notify);
void gst_pad_set_chain_list_function_full(GstPad *pad, GstPadChainListFunction chainlist,
                                          void *user_data, GDestroyNotify notify);
AUTOSCOPE_DECLARE_REAL(gst_pad_set_chain_function_full);
AUTOSCOPE_DECLARE_REAL(gst_pad_set_chain_list_function_full);

/* --- The pad table ----------------------------------------------------------------------------
 * Open addressing on the pad's address. Writers (a registration, a pad's finalisation) hold a spin
 * lock; the trampolines read without one: a slot's key is published last (release), and a slot
 * freed by a finalised pad keeps a tombstone so the probes of other pads still pass over it. */

#define CHAIN_SLOTS 4096 /* pads with a chain function alive at once; 160 KB, touched as used */
#define SLOT_FREE ((GstPad *)0)
#define SLOT_TOMBSTONE ((GstPad *)1)

typedef struct chain_slot {
  GstPad *pad;
  GstPadChainFunction chain;          /* the program's, or 0 */
  GstPadChainListFunction chain_list; /* the program's, or 0 */
  const char *chain_fn, *list_fn;     /* the functions' names, from the registration */
  const char *chain_name, *list_name; /* the scope names, with the element's type: first call */
} chain_slot;

static chain_slot slots[CHAIN_SLOTS];
static uint32_t table_lock;

static unsigned slot_of(const GstPad *pad) {
  uint64_t h = (uint64_t)(uintptr_t)pad * 0x9E3779B97F4A7C15ull;
  return (unsigned)(h >> 40) & (CHAIN_SLOTS - 1);
}

static chain_slot *find(const GstPad *pad) {
  for (unsigned k = 0, s = slot_of(pad); k < CHAIN_SLOTS; k++) {
    chain_slot *e = &slots[(s + k) & (CHAIN_SLOTS - 1)];
    GstPad *key = __atomic_load_n(&e->pad, __ATOMIC_ACQUIRE);
    if (key == pad)
      return e;
    if (key == SLOT_FREE)
      return 0;
  }
  return 0;
}

static void lock_table(void) {
  while (__atomic_exchange_n(&table_lock, 1, __ATOMIC_ACQUIRE))
    ;
}
static void unlock_table(void) { __atomic_store_n(&table_lock, 0, __ATOMIC_RELEASE); }

/* The pad is being finalised: no thread can chain into it any more. */
static void pad_finalized(void *p) {
  chain_slot *e = p;
  lock_table();
  e->chain = 0;
  e->chain_list = 0;
  __atomic_store_n(&e->pad, SLOT_TOMBSTONE, __ATOMIC_RELEASE);
  unlock_table();
}

typedef unsigned (*quark_from_static_string_fn)(const char *name);
typedef void (*set_qdata_full_fn)(void *object, unsigned quark, void *data, GDestroyNotify destroy);

/* Ties `e` to the pad's lifetime; 0 when GObject cannot be reached. */
static int tie_to_pad(GstPad *pad, chain_slot *e) {
  static void *quark_slot, *set_slot;
  static unsigned quark;
  quark_from_static_string_fn quark_of =
      (quark_from_static_string_fn)rtcheck_autoscope_real(&quark_slot, "g_quark_from_static_string");
  set_qdata_full_fn set_qdata =
      (set_qdata_full_fn)rtcheck_autoscope_real(&set_slot, "g_object_set_qdata_full");
  if (!quark_of || !set_qdata)
    return 0;
  if (!__atomic_load_n(&quark, __ATOMIC_ACQUIRE))
    __atomic_store_n(&quark, quark_of("rtcheck-chain-function"), __ATOMIC_RELEASE);
  set_qdata(pad, quark, e, pad_finalized);
  return 1;
}

typedef size_t (*get_type_fn)(void);
typedef int (*instance_is_a_fn)(const void *instance, size_t type);

/* Whether `pad` is a GstPad: the real setter only warns about an object of another type, and the
 * shim must not give one qdata either. */
static int is_pad(const GstPad *pad) {
  static void *type_slot, *is_a_slot;
  get_type_fn pad_type = (get_type_fn)rtcheck_autoscope_real(&type_slot, "gst_pad_get_type");
  instance_is_a_fn is_a =
      (instance_is_a_fn)rtcheck_autoscope_real(&is_a_slot, "g_type_check_instance_is_a");
  return pad_type && is_a && is_a(pad, pad_type());
}

/* The pad's entry, claimed when it has none (and tied to the pad's lifetime); 0 when the table is
 * full, GObject is out of reach or `pad` is no pad. Registration time only. */
static chain_slot *entry_for(GstPad *pad) {
  if (!is_pad(pad))
    return 0;
  lock_table();
  chain_slot *e = find(pad), *reuse = 0;
  if (!e) {
    for (unsigned k = 0, s = slot_of(pad); k < CHAIN_SLOTS && !reuse; k++) {
      chain_slot *c = &slots[(s + k) & (CHAIN_SLOTS - 1)];
      if (c->pad == SLOT_FREE || c->pad == SLOT_TOMBSTONE)
        reuse = c;
    }
    if (reuse) {
      reuse->chain = 0;
      reuse->chain_list = 0;
      __atomic_store_n(&reuse->pad, pad, __ATOMIC_RELEASE);
    }
  }
  unlock_table();
  if (reuse && !tie_to_pad(pad, reuse)) {
    pad_finalized(reuse);
    return 0;
  }
  return e ? e : reuse;
}

static const char *name_of(const void *fn, int api) {
  char name[RTCHECK_AUTOSCOPE_NAME_MAX];
  rtcheck_autoscope_callback_name(fn, name, sizeof name);
  return rtcheck_autoscope_intern(name, api, rtcheck_autoscope_registration[api]);
}

/* --- Trampolines ------------------------------------------------------------------------------ */

typedef const char *(*type_name_fn)(size_t type);

/* The scope name of a pad's function: "symbol (module) [ElementType]" (one base-class function
 * serves many elements), interned at the first call, when the pad has its parent element; without
 * one, the function's name alone. Outside the scope and not counted. */
static const char *scope_name(const char *fn_name, const void *parent, int api, const char **slot) {
  static void *type_name_slot;
  int saved = errno;
  rtcheck_thread.guard++;
  type_name_fn type_name = (type_name_fn)rtcheck_autoscope_real(&type_name_slot, "g_type_name");
  /* G_OBJECT_TYPE_NAME(parent): the instance's class, whose first field is its GType. */
  const char *type = parent && type_name ? type_name(**(const size_t *const *)parent) : 0;
  const char *name = fn_name;
  if (type) {
    char text[RTCHECK_AUTOSCOPE_NAME_MAX];
    snprintf(text, sizeof text, "%s [%s]", fn_name, type);
    name = rtcheck_autoscope_intern(text, api, fn_name);
  }
  __atomic_store_n(slot, name, __ATOMIC_RELEASE);
  rtcheck_thread.guard--;
  errno = saved;
  return name;
}

static GstFlowReturn chain_tramp(GstPad *pad, GstObject *parent, void *buffer) {
  chain_slot *e = find(pad);
  GstPadChainFunction chain = e ? __atomic_load_n(&e->chain, __ATOMIC_ACQUIRE) : 0;
  if (RTCHECK_UNLIKELY(!chain))
    return GST_FLOW_ERROR; /* the trampoline copied onto a pad the shim never saw (docs/runtime.md) */
  const char *name = __atomic_load_n(&e->chain_name, __ATOMIC_ACQUIRE);
  if (RTCHECK_UNLIKELY(!name))
    name = scope_name(e->chain_fn, parent, RTCHECK_AS_gst_pad_chain, &e->chain_name);
  rtcheck_autoscope_begin(name, rtcheck_gst_buffer_ns(buffer));
  GstFlowReturn r = chain(pad, parent, buffer);
  rtcheck_autoscope_end();
  return r;
}

typedef unsigned (*list_length_fn)(void *list);
typedef void *(*list_get_fn)(void *list, unsigned index);

/* The sum of the list's buffer durations; 0 when one has none. Plain accessors, no lock. */
static uint64_t list_ns(void *list) {
  static void *length_slot, *get_slot;
  list_length_fn length = (list_length_fn)rtcheck_autoscope_real(&length_slot, "gst_buffer_list_length");
  list_get_fn get = (list_get_fn)rtcheck_autoscope_real(&get_slot, "gst_buffer_list_get");
  if (!list || !length || !get)
    return 0;
  uint64_t sum = 0;
  for (unsigned i = 0, n = length(list); i < n; i++) {
    uint64_t ns = rtcheck_gst_buffer_ns(get(list, i));
    if (!ns)
      return 0;
    sum += ns;
  }
  return sum;
}

static GstFlowReturn chain_list_tramp(GstPad *pad, GstObject *parent, void *list) {
  chain_slot *e = find(pad);
  GstPadChainListFunction chain_list = e ? __atomic_load_n(&e->chain_list, __ATOMIC_ACQUIRE) : 0;
  if (RTCHECK_UNLIKELY(!chain_list))
    return GST_FLOW_ERROR; /* as in chain_tramp */
  const char *name = __atomic_load_n(&e->list_name, __ATOMIC_ACQUIRE);
  if (RTCHECK_UNLIKELY(!name))
    name = scope_name(e->list_fn, parent, RTCHECK_AS_gst_pad_chain_list, &e->list_name);
  rtcheck_thread.guard++;
  uint64_t budget = list_ns(list);
  rtcheck_thread.guard--;
  rtcheck_autoscope_begin(name, budget);
  GstFlowReturn r = chain_list(pad, parent, list);
  rtcheck_autoscope_end();
  return r;
}

/* --- Registrations ---------------------------------------------------------------------------- */

RTCHECK_EXPORT void gst_pad_set_chain_function_full(GstPad *pad, GstPadChainFunction chain,
                                                    void *user_data, GDestroyNotify notify) {
  __typeof__(&gst_pad_set_chain_function_full) real = AUTOSCOPE_REAL(gst_pad_set_chain_function_full);
  if (!real)
    return;
  chain_slot *e = 0;
  /* Cleared, or our own trampoline read back from another pad (which function it stood for is not
   * known): passed on unwrapped, and this pad's entry forgets its function. */
  if (pad && chain && chain != chain_tramp) {
    int saved = errno;
    rtcheck_thread.guard++;
    e = entry_for(pad);
    if (e) {
      e->chain_fn = name_of((const void *)chain, RTCHECK_AS_gst_pad_chain);
      __atomic_store_n(&e->chain_name, 0, __ATOMIC_RELEASE);
      __atomic_store_n(&e->chain, chain, __ATOMIC_RELEASE);
    }
    rtcheck_thread.guard--;
    errno = saved;
  } else if (pad) {
    if ((e = find(pad)) != 0)
      __atomic_store_n(&e->chain, 0, __ATOMIC_RELEASE);
    e = 0;
  }
  real(pad, e ? chain_tramp : chain, user_data, notify);
}

RTCHECK_EXPORT void gst_pad_set_chain_list_function_full(GstPad *pad,
                                                         GstPadChainListFunction chainlist,
                                                         void *user_data, GDestroyNotify notify) {
  __typeof__(&gst_pad_set_chain_list_function_full) real =
      AUTOSCOPE_REAL(gst_pad_set_chain_list_function_full);
  if (!real)
    return;
  chain_slot *e = 0;
  if (pad && chainlist && chainlist != chain_list_tramp) {
    int saved = errno;
    rtcheck_thread.guard++;
    e = entry_for(pad);
    if (e) {
      e->list_fn = name_of((const void *)chainlist, RTCHECK_AS_gst_pad_chain_list);
      __atomic_store_n(&e->list_name, 0, __ATOMIC_RELEASE);
      __atomic_store_n(&e->chain_list, chainlist, __ATOMIC_RELEASE);
    }
    rtcheck_thread.guard--;
    errno = saved;
  } else if (pad) {
    if ((e = find(pad)) != 0)
      __atomic_store_n(&e->chain_list, 0, __ATOMIC_RELEASE);
    e = 0;
  }
  real(pad, e ? chain_list_tramp : chainlist, user_data, notify);
}
