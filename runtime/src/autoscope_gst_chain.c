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
 * a trampoline. Each trampoline stands for one program function (a pool of them, claimed at
 * registration and never released), not for a pad: a program or element that copies
 * GST_PAD_CHAINFUNC from one pad onto another hands on a trampoline that still knows its
 * function, so the copy chains exactly as it would without the shim. */
#include "autoscope.h"
#include "autoscope_gst.h"

#include <errno.h>
#include <stdio.h>

typedef struct GstObject GstObject;
typedef GstFlowReturn (*GstPadChainFunction)(GstPad *pad, GstObject *parent, void *buffer);
typedef GstFlowReturn (*GstPadChainListFunction)(GstPad *pad, GstObject *parent, void *list);
#define CHAIN_FNS 64 /* distinct chain (and chain-list) functions wrapped; more run unwrapped */

void gst_pad_set_chain_function_full(GstPad *pad, GstPadChainFunction chain, void *user_data,
                                     GDestroyNotify notify);
void gst_pad_set_chain_list_function_full(GstPad *pad, GstPadChainListFunction chainlist,
                                          void *user_data, GDestroyNotify notify);
AUTOSCOPE_DECLARE_REAL(gst_pad_set_chain_function_full);
AUTOSCOPE_DECLARE_REAL(gst_pad_set_chain_list_function_full);

/* --- Functions and their trampolines ---------------------------------------------------------
 * A slot's function is published last (release) under the registration lock; the trampolines read
 * it without one. Scope names are cached per element type the function serves, claimed by CAS. */

#define TYPE_NAMES 8 /* element types one chain function is named for; more: its name alone */

typedef struct fn_slot {
  void *fn;            /* the program's chain or chain-list function; 0: free */
  const char *fn_name; /* "symbol (module)" */
  struct {
    size_t type;      /* the parent element's GType; 0: free */
    const char *name; /* "symbol (module) [Type]", published after `type` is claimed */
  } named[TYPE_NAMES];
} fn_slot;

static fn_slot chain_fns[CHAIN_FNS], list_fns[CHAIN_FNS];
static uint32_t table_lock;

static void lock_table(void) {
  while (__atomic_exchange_n(&table_lock, 1, __ATOMIC_ACQUIRE))
    ;
}
static void unlock_table(void) { __atomic_store_n(&table_lock, 0, __ATOMIC_RELEASE); }

typedef const char *(*type_name_fn)(size_t type);

/* The scope name for a call whose pad has `parent` (0: none): interned once per element type,
 * outside the scope and not counted. */
static const char *scope_name(fn_slot *f, const void *parent, int api) {
  /* G_OBJECT_TYPE(parent): the instance's class, whose first field is its GType. */
  size_t type = parent ? **(const size_t *const *)parent : 0;
  if (!type)
    return f->fn_name;
  for (unsigned i = 0; i < TYPE_NAMES; i++) {
    size_t seen = __atomic_load_n(&f->named[i].type, __ATOMIC_ACQUIRE);
    if (seen == type) {
      const char *name = __atomic_load_n(&f->named[i].name, __ATOMIC_ACQUIRE);
      return name ? name : f->fn_name; /* another thread is naming it right now */
    }
    if (seen == 0) {
      size_t expected = 0;
      if (!__atomic_compare_exchange_n(&f->named[i].type, &expected, type, 0, __ATOMIC_ACQ_REL,
                                       __ATOMIC_ACQUIRE)) {
        i--; /* lost the race for this entry: look at it again */
        continue;
      }
      static void *type_name_slot;
      int saved = errno;
      rtcheck_thread.guard++;
      type_name_fn type_name = (type_name_fn)rtcheck_autoscope_real(&type_name_slot, "g_type_name");
      const char *tname = type_name ? type_name(type) : 0;
      const char *name = f->fn_name;
      if (tname) {
        char text[RTCHECK_AUTOSCOPE_NAME_MAX];
        snprintf(text, sizeof text, "%s [%s]", f->fn_name, tname);
        name = rtcheck_autoscope_intern(text, api, f->fn_name);
      }
      __atomic_store_n(&f->named[i].name, name, __ATOMIC_RELEASE);
      rtcheck_thread.guard--;
      errno = saved;
      return name;
    }
  }
  return f->fn_name;
}

static GstFlowReturn run_chain(fn_slot *f, GstPad *pad, GstObject *parent, void *buffer) {
  GstPadChainFunction chain = (GstPadChainFunction)__atomic_load_n(&f->fn, __ATOMIC_ACQUIRE);
  rtcheck_autoscope_begin(scope_name(f, parent, RTCHECK_AS_gst_pad_chain),
                          rtcheck_gst_buffer_ns(buffer));
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

static GstFlowReturn run_chain_list(fn_slot *f, GstPad *pad, GstObject *parent, void *list) {
  GstPadChainListFunction chain_list =
      (GstPadChainListFunction)__atomic_load_n(&f->fn, __ATOMIC_ACQUIRE);
  const char *name = scope_name(f, parent, RTCHECK_AS_gst_pad_chain_list);
  rtcheck_thread.guard++;
  uint64_t budget = list_ns(list);
  rtcheck_thread.guard--;
  rtcheck_autoscope_begin(name, budget);
  GstFlowReturn r = chain_list(pad, parent, list);
  rtcheck_autoscope_end();
  return r;
}

/* CHAIN_FNS trampolines of each kind, the i-th bound to slot i. */
#define REP8(F, d) F(d##0, d * 8 + 0) F(d##1, d * 8 + 1) F(d##2, d * 8 + 2) F(d##3, d * 8 + 3) \
  F(d##4, d * 8 + 4) F(d##5, d * 8 + 5) F(d##6, d * 8 + 6) F(d##7, d * 8 + 7)
#define REP64(F) REP8(F, 0) REP8(F, 1) REP8(F, 2) REP8(F, 3) REP8(F, 4) REP8(F, 5) REP8(F, 6) REP8(F, 7)
#define DEFINE_TRAMPS(id, i)                                                                       \
  static GstFlowReturn chain_tramp_##id(GstPad *pad, GstObject *parent, void *buffer) {          \
    return run_chain(&chain_fns[i], pad, parent, buffer);                                          \
  }                                                                                                \
  static GstFlowReturn list_tramp_##id(GstPad *pad, GstObject *parent, void *list) {             \
    return run_chain_list(&list_fns[i], pad, parent, list);                                        \
  }
REP64(DEFINE_TRAMPS)
#define CHAIN_ADDR(id, i) chain_tramp_##id,
#define LIST_ADDR(id, i) list_tramp_##id,
static GstPadChainFunction const chain_tramps[CHAIN_FNS] = {REP64(CHAIN_ADDR)};
static GstPadChainListFunction const list_tramps[CHAIN_FNS] = {REP64(LIST_ADDR)};

static const char *name_of(const void *fn, int api) {
  char name[RTCHECK_AUTOSCOPE_NAME_MAX];
  rtcheck_autoscope_callback_name(fn, name, sizeof name);
  return rtcheck_autoscope_intern(name, api, rtcheck_autoscope_registration[api]);
}

/* The trampoline standing for `fn` in `slots` (claimed when `fn` has none); `fn` itself when it
 * is one of `tramps` already (copied from another pad), when the pool is full, or for a clear. */
static void *wrapped(void *fn, fn_slot *slots, void *const *tramps, int api) {
  if (!fn)
    return fn;
  for (unsigned i = 0; i < CHAIN_FNS; i++)
    if (tramps[i] == fn)
      return fn;
  void *out = fn;
  int saved = errno;
  rtcheck_thread.guard++;
  lock_table();
  for (unsigned i = 0; i < CHAIN_FNS; i++) {
    void *have = slots[i].fn;
    if (have == fn) {
      out = tramps[i];
      break;
    }
    if (!have) {
      slots[i].fn_name = name_of(fn, api);
      __atomic_store_n(&slots[i].fn, fn, __ATOMIC_RELEASE);
      out = tramps[i];
      break;
    }
  }
  unlock_table();
  rtcheck_thread.guard--;
  errno = saved;
  return out;
}

/* --- Registrations ---------------------------------------------------------------------------- */

RTCHECK_EXPORT void gst_pad_set_chain_function_full(GstPad *pad, GstPadChainFunction chain,
                                                    void *user_data, GDestroyNotify notify) {
  __typeof__(&gst_pad_set_chain_function_full) real = AUTOSCOPE_REAL(gst_pad_set_chain_function_full);
  if (!real)
    return;
  real(pad,
       (GstPadChainFunction)wrapped((void *)chain, chain_fns, (void *const *)chain_tramps,
                                    RTCHECK_AS_gst_pad_chain),
       user_data, notify);
}

RTCHECK_EXPORT void gst_pad_set_chain_list_function_full(GstPad *pad,
                                                         GstPadChainListFunction chainlist,
                                                         void *user_data, GDestroyNotify notify) {
  __typeof__(&gst_pad_set_chain_list_function_full) real =
      AUTOSCOPE_REAL(gst_pad_set_chain_list_function_full);
  if (!real)
    return;
  real(pad,
       (GstPadChainListFunction)wrapped((void *)chainlist, list_fns, (void *const *)list_tramps,
                                        RTCHECK_AS_gst_pad_chain_list),
       user_data, notify);
}
