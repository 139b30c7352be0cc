/* CLAP plug-ins inside any host: a host that looks up the data symbol `clap_entry` in a library
 * (autoscope_dlsym.c) gets a copy of the entry whose get_factory hands out, for the plug-in
 * factory, a copy whose create_plugin wraps every plug-in it creates. A wrapped plug-in's
 * `process` runs in a scope named after the plug-in id (its descriptor's), with the budget
 * frames_count / the sample rate given to `activate`; `start_processing`, `stop_processing`,
 * `reset` and, while the plug-in is active, the `clap.params` extension's `flush` run in scopes
 * named "id [start_processing]" and so on, with the default budget (they get no frame count).
 *
 * Pointer identity. Every function of a plug-in and of its extensions takes the plug-in pointer,
 * and plug-ins read `plugin_data` from it or cast it to their own object; a host calls extensions
 * with the pointer it holds. So the host keeps the very pointer create_plugin returned, and the
 * shim patches that struct in place: the functions above, `activate` (the rate), `deactivate`,
 * `get_extension` (the params copy) and `destroy` become the trampolines of one instance slot,
 * which call the plug-in's own functions with the same pointer. `destroy` puts the plug-in's
 * functions back (those still holding a trampoline) and frees the slot before calling the
 * plug-in's destroy, which frees the struct. A struct the process cannot write (a `static const`
 * one in read-only memory) is not patched: that plug-in runs unwrapped. The entry and the factory
 * are copies: the entry's functions take no pointer, and the factory's take the factory pointer,
 * which the trampolines translate back to the plug-in's own. Other factories pass through.
 *
 * C has no closures: get_factory and the instance trampolines are generated functions, one set per
 * slot of fixed pools (libraries, live plug-in instances). A full pool leaves the plug-in unwrapped
 * and the program unaffected. */
#include "autoscope.h"
#include "clap_abi.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

_Static_assert(sizeof(clap_plugin_t) == 12 * sizeof(void *), "clap_plugin_t: 12 pointers");
_Static_assert(offsetof(clap_process_t, frames_count) == 8, "clap_process_t::frames_count");
_Static_assert(sizeof(clap_plugin_entry_t) == 16 + 3 * sizeof(void *), "clap_plugin_entry_t");

#define ENTRY_SLOTS 32
#define INSTANCE_SLOTS 128

/* X(a, b) is slot a * 8 + b. */
#define SLOT_ROW(X, a) X(a, 0) X(a, 1) X(a, 2) X(a, 3) X(a, 4) X(a, 5) X(a, 6) X(a, 7)
#define SLOTS_32(X) SLOT_ROW(X, 0) SLOT_ROW(X, 1) SLOT_ROW(X, 2) SLOT_ROW(X, 3)
#define SLOTS_64(X) SLOTS_32(X) SLOT_ROW(X, 4) SLOT_ROW(X, 5) SLOT_ROW(X, 6) SLOT_ROW(X, 7)
#define SLOTS_128(X)                                                                               \
  SLOTS_64(X)                                                                                      \
  SLOT_ROW(X, 8)                                                                                   \
  SLOT_ROW(X, 9) SLOT_ROW(X, 10) SLOT_ROW(X, 11) SLOT_ROW(X, 12) SLOT_ROW(X, 13) SLOT_ROW(X, 14)   \
      SLOT_ROW(X, 15)

static int busy;
static void lock(void) {
  while (__atomic_exchange_n(&busy, 1, __ATOMIC_ACQUIRE))
    ;
}
static void unlock(void) { __atomic_store_n(&busy, 0, __ATOMIC_RELEASE); }

/* --- Whether the plug-in's struct can be patched --------------------------------------------- */

/* One line of /proc/self/maps: whether a writable mapping holds `lo` or `hi`. */
static void note_mapping(const char *line, uintptr_t lo, uintptr_t hi, int *lo_ok, int *hi_ok) {
  unsigned long start, end;
  char perms[5];
  if (sscanf(line, "%lx-%lx %4s", &start, &end, perms) == 3 && perms[1] == 'w') {
    *lo_ok |= lo >= start && lo < end;
    *hi_ok |= hi >= start && hi < end;
  }
}

/* Whether [p, p + n) lies in writable mappings, from /proc/self/maps (a `static const` struct of
 * function pointers in a shared library is in .data.rel.ro, read-only after relocation, inside a
 * segment whose program header says writable; only the kernel's map says). Creation time only. */
static int writable(const void *p, size_t n) {
  uintptr_t lo = (uintptr_t)p, hi = lo + n - 1;
  int lo_ok = 0, hi_ok = 0, rest_of_line = 0;
  int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  char buf[4096];
  size_t have = 0;
  for (;;) {
    ssize_t got = read(fd, buf + have, sizeof buf - 1 - have);
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      break;
    have += (size_t)got;
    buf[have] = 0;
    char *line = buf, *nl;
    while ((nl = strchr(line, '\n')) != 0) {
      if (!rest_of_line)
        note_mapping(line, lo, hi, &lo_ok, &hi_ok);
      rest_of_line = 0;
      line = nl + 1;
    }
    have = (size_t)(buf + have - line);
    memmove(buf, line, have);
    if (have == sizeof buf - 1) { /* a line longer than the buffer (a long path) */
      if (!rest_of_line)
        note_mapping(buf, lo, hi, &lo_ok, &hi_ok);
      rest_of_line = 1;
      have = 0;
    }
  }
  close(fd);
  return lo_ok && hi_ok;
}

/* --- Plug-in instances ------------------------------------------------------------------------ */

typedef struct instance {
  uint32_t state;      /* 0 free, 1 claimed */
  clap_plugin_t *host; /* the plug-in's struct, patched; the host's pointer */
  clap_plugin_t own;   /* the plug-in's functions as create_plugin returned them */
  const char *id;      /* for the names */
  const char *process_name, *start_name, *stop_name, *reset_name, *flush_name;
  uint32_t rate;   /* Hz, from activate */
  uint32_t active; /* between activate and deactivate: flush runs on the audio thread */
  const clap_plugin_params_t *own_params;
  clap_plugin_params_t params; /* the copy the host gets, flush wrapped */
} instance;

static instance instances[INSTANCE_SLOTS];

/* "id [part]", interned. */
static const char *scope_name(const char *id, const char *part, int api) {
  char text[RTCHECK_AUTOSCOPE_NAME_MAX];
  snprintf(text, sizeof text, "%s [%s]", id, part);
  return rtcheck_autoscope_intern(text, api, "clap plug-in");
}

static __attribute__((noinline)) clap_process_status
on_process(const instance *s, const clap_plugin_t *p, const clap_process_t *proc) {
  uint32_t frames = proc ? proc->frames_count : 0;
  rtcheck_autoscope_begin(
      s->process_name,
      rtcheck_autoscope_budget(frames, __atomic_load_n(&s->rate, __ATOMIC_RELAXED)));
  clap_process_status status = s->own.process(p, proc);
  rtcheck_autoscope_end();
  return status;
}

static __attribute__((noinline)) bool on_start_processing(const instance *s,
                                                          const clap_plugin_t *p) {
  rtcheck_autoscope_begin(s->start_name, 0);
  bool ok = s->own.start_processing(p);
  rtcheck_autoscope_end();
  return ok;
}

static __attribute__((noinline)) void on_stop_processing(const instance *s,
                                                         const clap_plugin_t *p) {
  rtcheck_autoscope_begin(s->stop_name, 0);
  s->own.stop_processing(p);
  rtcheck_autoscope_end();
}

static __attribute__((noinline)) void on_reset(const instance *s, const clap_plugin_t *p) {
  rtcheck_autoscope_begin(s->reset_name, 0);
  s->own.reset(p);
  rtcheck_autoscope_end();
}

static __attribute__((noinline)) bool on_activate(instance *s, const clap_plugin_t *p, double rate,
                                                  uint32_t min, uint32_t max) {
  bool ok = s->own.activate(p, rate, min, max);
  if (ok) {
    __atomic_store_n(&s->rate, rate > 0 && rate < 4e9 ? (uint32_t)(rate + 0.5) : 0,
                     __ATOMIC_RELAXED);
    __atomic_store_n(&s->active, 1, __ATOMIC_RELEASE);
  }
  return ok;
}

static __attribute__((noinline)) void on_deactivate(instance *s, const clap_plugin_t *p) {
  __atomic_store_n(&s->active, 0, __ATOMIC_RELEASE);
  s->own.deactivate(p);
}

static __attribute__((noinline)) void on_flush(const instance *s, const clap_plugin_t *p,
                                               const clap_input_events_t *in,
                                               const clap_output_events_t *out) {
  const clap_plugin_params_t *own = __atomic_load_n(&s->own_params, __ATOMIC_ACQUIRE);
  if (!__atomic_load_n(&s->active, __ATOMIC_ACQUIRE)) { /* main thread */
    own->flush(p, in, out);
    return;
  }
  rtcheck_autoscope_begin(s->flush_name, 0);
  own->flush(p, in, out);
  rtcheck_autoscope_end();
}

static const void *params_copy(instance *s, int index, const clap_plugin_params_t *own);

static __attribute__((noinline)) const void *
on_get_extension(instance *s, int index, const clap_plugin_t *p, const char *id) {
  const void *ext = s->own.get_extension(p, id);
  if (!ext || !id || strcmp(id, RTCHECK_CLAP_EXT_PARAMS) != 0 ||
      !((const clap_plugin_params_t *)ext)->flush)
    return ext;
  return params_copy(s, index, ext);
}

static void unwrap(instance *s, int index);

static __attribute__((noinline)) void on_destroy(instance *s, int index, const clap_plugin_t *p) {
  void (*own_destroy)(const clap_plugin_t *) = s->own.destroy;
  unwrap(s, index);
  own_destroy(p);
}

#define I(a, b) (&instances[a * 8 + b])
#define DEFINE_INSTANCE(a, b)                                                                      \
  static clap_process_status process_##a##_##b(const clap_plugin_t *p, const clap_process_t *pr) { \
    return on_process(I(a, b), p, pr);                                                             \
  }                                                                                                \
  static bool start_##a##_##b(const clap_plugin_t *p) { return on_start_processing(I(a, b), p); }  \
  static void stop_##a##_##b(const clap_plugin_t *p) { on_stop_processing(I(a, b), p); }           \
  static void reset_##a##_##b(const clap_plugin_t *p) { on_reset(I(a, b), p); }                    \
  static bool activate_##a##_##b(const clap_plugin_t *p, double r, uint32_t lo, uint32_t hi) {     \
    return on_activate(I(a, b), p, r, lo, hi);                                                     \
  }                                                                                                \
  static void deactivate_##a##_##b(const clap_plugin_t *p) { on_deactivate(I(a, b), p); }          \
  static void flush_##a##_##b(const clap_plugin_t *p, const clap_input_events_t *in,               \
                              const clap_output_events_t *out) {                                   \
    on_flush(I(a, b), p, in, out);                                                                 \
  }                                                                                                \
  static const void *extension_##a##_##b(const clap_plugin_t *p, const char *id) {                 \
    return on_get_extension(I(a, b), a * 8 + b, p, id);                                            \
  }                                                                                                \
  static void destroy_##a##_##b(const clap_plugin_t *p) { on_destroy(I(a, b), a * 8 + b, p); }
SLOTS_128(DEFINE_INSTANCE)

/* The trampolines of slot i, in the plug-in struct's layout (desc, plugin_data and on_main_thread
 * are never replaced, init neither: the host calls it once, before anything wrapped). */
#define LIST_INSTANCE(a, b)                                                                        \
  {0,                                                                                              \
   0,                                                                                              \
   0,                                                                                              \
   destroy_##a##_##b,                                                                              \
   activate_##a##_##b,                                                                             \
   deactivate_##a##_##b,                                                                           \
   start_##a##_##b,                                                                                \
   stop_##a##_##b,                                                                                 \
   reset_##a##_##b,                                                                                \
   process_##a##_##b,                                                                              \
   extension_##a##_##b,                                                                            \
   0},
static const clap_plugin_t tramps[INSTANCE_SLOTS] = {SLOTS_128(LIST_INSTANCE)};
#define LIST_FLUSH(a, b) flush_##a##_##b,
static void (*const flush_tramps[INSTANCE_SLOTS])(const clap_plugin_t *,
                                                  const clap_input_events_t *,
                                                  const clap_output_events_t *) = {
    SLOTS_128(LIST_FLUSH)};

/* Each function the shim replaces: its offset in clap_plugin_t. */
static const size_t patched_fields[] = {
    offsetof(clap_plugin_t, destroy),         offsetof(clap_plugin_t, activate),
    offsetof(clap_plugin_t, deactivate),      offsetof(clap_plugin_t, start_processing),
    offsetof(clap_plugin_t, stop_processing), offsetof(clap_plugin_t, reset),
    offsetof(clap_plugin_t, process),         offsetof(clap_plugin_t, get_extension)};
#define FIELD(plugin, off) (*(void **)((char *)(plugin) + (off)))

static const void *params_copy(instance *s, int index, const clap_plugin_params_t *own) {
  if (__atomic_load_n(&s->own_params, __ATOMIC_ACQUIRE) == own)
    return &s->params;
  int e = errno;
  rtcheck_thread.guard++;
  lock();
  if (s->own_params != own) {
    if (!s->flush_name)
      s->flush_name = scope_name(s->id, "params.flush", RTCHECK_AS_clap_params_flush);
    s->params = *own;
    s->params.flush = flush_tramps[index];
    __atomic_store_n(&s->own_params, own, __ATOMIC_RELEASE);
  }
  unlock();
  rtcheck_thread.guard--;
  errno = e;
  return &s->params;
}

static int is_trampoline(const void *process) {
  for (int i = 0; i < INSTANCE_SLOTS; i++)
    if ((const void *)tramps[i].process == process)
      return 1;
  return 0;
}

/* Patches the plug-in `p` created for `requested_id`, if a slot is free and its struct writable. */
static void wrap_plugin(clap_plugin_t *p, const char *requested_id) {
  if (!p->process || is_trampoline((const void *)p->process) || !writable(p, sizeof *p))
    return;
  for (int i = 0; i < INSTANCE_SLOTS; i++) {
    instance *s = &instances[i];
    uint32_t expected = 0;
    if (!__atomic_compare_exchange_n(&s->state, &expected, 1, 0, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
      continue;
    const char *id = p->desc && p->desc->id ? p->desc->id : requested_id ? requested_id : "?";
    s->host = p;
    s->own = *p;
    s->id = rtcheck_autoscope_intern(id, RTCHECK_AS_clap_process, "clap plug-in");
    s->process_name = s->id;
    s->start_name = p->start_processing
                        ? scope_name(id, "start_processing", RTCHECK_AS_clap_start_processing)
                        : 0;
    s->stop_name =
        p->stop_processing ? scope_name(id, "stop_processing", RTCHECK_AS_clap_stop_processing) : 0;
    s->reset_name = p->reset ? scope_name(id, "reset", RTCHECK_AS_clap_reset) : 0;
    s->flush_name = 0;
    s->rate = s->active = 0;
    s->own_params = 0;
    for (size_t f = 0; f < sizeof patched_fields / sizeof *patched_fields; f++)
      if (FIELD(p, patched_fields[f]))
        FIELD(p, patched_fields[f]) = FIELD(&tramps[i], patched_fields[f]);
    return;
  }
}

/* Gives the plug-in its own functions back (a field the plug-in changed since stays its own) and
 * frees the slot: called on destroy, before the plug-in frees the struct. */
static void unwrap(instance *s, int index) {
  for (size_t f = 0; f < sizeof patched_fields / sizeof *patched_fields; f++)
    if (FIELD(s->host, patched_fields[f]) == FIELD(&tramps[index], patched_fields[f]))
      FIELD(s->host, patched_fields[f]) = FIELD(&s->own, patched_fields[f]);
  __atomic_store_n(&s->state, 0, __ATOMIC_RELEASE);
}

/* --- The factory and the entry, one copy per library --------------------------------------------
 */

typedef struct factory_copy {
  clap_plugin_factory_t factory; /* first: the host's pointer is the copy's */
  const clap_plugin_factory_t *own;
} factory_copy;

static const clap_plugin_factory_t *own_factory(const clap_plugin_factory_t *f) {
  return __atomic_load_n(&((const factory_copy *)f)->own, __ATOMIC_ACQUIRE);
}

static uint32_t factory_count(const clap_plugin_factory_t *f) {
  const clap_plugin_factory_t *own = own_factory(f);
  return own->get_plugin_count(own);
}

static const clap_plugin_descriptor_t *factory_descriptor(const clap_plugin_factory_t *f,
                                                          uint32_t index) {
  const clap_plugin_factory_t *own = own_factory(f);
  return own->get_plugin_descriptor(own, index);
}

static const clap_plugin_t *factory_create(const clap_plugin_factory_t *f, const clap_host_t *host,
                                           const char *plugin_id) {
  const clap_plugin_factory_t *own = own_factory(f);
  const clap_plugin_t *p = own->create_plugin(own, host, plugin_id);
  if (!p)
    return p;
  int e = errno;
  rtcheck_thread.guard++;
  wrap_plugin((clap_plugin_t *)p, plugin_id);
  rtcheck_thread.guard--;
  errno = e;
  return p;
}

typedef struct entry_slot {
  int state; /* 0 free, 1 live; with the lock */
  const clap_plugin_entry_t *own;
  clap_plugin_entry_t entry; /* the host's pointer */
  factory_copy factory;
} entry_slot;

static entry_slot entries[ENTRY_SLOTS];

static const void *get_factory(entry_slot *s, const char *id) {
  const void *f = __atomic_load_n(&s->own, __ATOMIC_ACQUIRE)->get_factory(id);
  const clap_plugin_factory_t *own = f;
  if (!f || !id || strcmp(id, RTCHECK_CLAP_PLUGIN_FACTORY_ID) != 0 || !own->create_plugin)
    return f;
  lock();
  if (s->factory.own != own) {
    s->factory.factory.get_plugin_count = own->get_plugin_count ? factory_count : 0;
    s->factory.factory.get_plugin_descriptor = own->get_plugin_descriptor ? factory_descriptor : 0;
    s->factory.factory.create_plugin = factory_create;
    __atomic_store_n(&s->factory.own, own, __ATOMIC_RELEASE);
  }
  unlock();
  return &s->factory.factory;
}

#define DEFINE_ENTRY(a, b)                                                                         \
  static const void *get_factory_##a##_##b(const char *id) {                                       \
    return get_factory(&entries[a * 8 + b], id);                                                   \
  }
SLOTS_32(DEFINE_ENTRY)
#define LIST_ENTRY(a, b) get_factory_##a##_##b,
static const void *(*const get_factory_tramps[ENTRY_SLOTS])(const char *) = {SLOTS_32(LIST_ENTRY)};

/* The slot of entry `own`: its own one, else a free one, else one whose library is gone (no
 * loaded object contains its entry). With the lock held. */
static entry_slot *entry_slot_for(const clap_plugin_entry_t *own) {
  for (int i = 0; i < ENTRY_SLOTS; i++)
    if (entries[i].state && entries[i].own == own)
      return &entries[i];
  for (int i = 0; i < ENTRY_SLOTS; i++)
    if (!entries[i].state)
      return &entries[i];
  Dl_info info;
  for (int i = 0; i < ENTRY_SLOTS; i++)
    if (!dladdr(entries[i].own, &info))
      return &entries[i];
  return 0;
}

void *rtcheck_autoscope_clap_entry(void *entry);
void *rtcheck_autoscope_clap_entry(void *entry) {
  const clap_plugin_entry_t *own = entry;
  if (!own->get_factory)
    return entry;
  int e = errno;
  rtcheck_thread.guard++;
  lock();
  entry_slot *s = entry_slot_for(own);
  void *out = entry;
  if (s) {
    if (s->own != own)
      __atomic_store_n(&s->factory.own, 0, __ATOMIC_RELAXED);
    /* Refreshed at every lookup: a library loaded where an unloaded one was has new contents. */
    __atomic_store_n(&s->own, own, __ATOMIC_RELEASE);
    s->entry.clap_version = own->clap_version;
    s->entry.init = own->init;
    s->entry.deinit = own->deinit;
    s->entry.get_factory = get_factory_tramps[s - entries];
    s->state = 1;
    out = &s->entry;
  }
  unlock();
  rtcheck_thread.guard--;
  errno = e;
  return out;
}
