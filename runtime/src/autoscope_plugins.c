/* LV2 and LADSPA plug-ins inside any host: the entry point a host looks up with dlsym
 * (autoscope_dlsym.c) is replaced by a wrapper that hands out copies of the plug-in's descriptors.
 * A copy is the plug-in's descriptor with its own `instantiate`; the first instantiation arms it:
 * its `run` (LADSPA: and `run_adding`) becomes a trampoline that runs the plug-in's function inside
 * a scope named after the plug-in (LV2: the URI; LADSPA: "Label (UniqueID)"), with the budget
 * sample_count / sample rate of that call; its extension_data becomes a trampoline that wraps the
 * worker interface's work_response and end_run (autoscope_lv2_worker.c). Everything else in the
 * copy (connect_port, activate, other extensions, the handle) is the plug-in's own, so interfaces
 * that take the handle still work.
 *
 * C has no closures: the trampolines are generated functions, one per slot of fixed pools (entry
 * points per library, run functions per instantiated plug-in type). When a pool is full the host
 * gets the plug-in's own pointer: that plug-in runs unwrapped, the program is unaffected. */
#include "autoscope.h"

#include <ladspa.h>
#include <lv2/core/lv2.h>
#include <stdio.h>
#include <string.h>

#define ENTRY_SLOTS 32
#define RUN_SLOTS 64
#define COPY_SLOTS 1024

/* 8 x 8 generated functions; X(a, b) is slot a * 8 + b. */
#define SLOT_ROW(X, a) X(a, 0) X(a, 1) X(a, 2) X(a, 3) X(a, 4) X(a, 5) X(a, 6) X(a, 7)
#define SLOTS_32(X) SLOT_ROW(X, 0) SLOT_ROW(X, 1) SLOT_ROW(X, 2) SLOT_ROW(X, 3)
#define SLOTS_64(X) SLOTS_32(X) SLOT_ROW(X, 4) SLOT_ROW(X, 5) SLOT_ROW(X, 6) SLOT_ROW(X, 7)

static int claim_slot(uint32_t *state) {
  uint32_t expected = 0;
  return __atomic_compare_exchange_n(state, &expected, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* --- Run trampolines ------------------------------------------------------------------------- */

typedef struct run_slot {
  uint32_t state;
  void *fn;         /* the plug-in's run / run_adding */
  const char *name; /* interned */
  uint32_t rate;
} run_slot;

static run_slot lv2_runs[RUN_SLOTS], ladspa_runs[RUN_SLOTS];

static inline void run_lv2(const run_slot *s, LV2_Handle h, uint32_t n) {
  rtcheck_autoscope_begin(s->name, rtcheck_autoscope_budget(n, s->rate));
  ((void (*)(LV2_Handle, uint32_t))s->fn)(h, n);
  rtcheck_autoscope_end();
}
static inline void run_ladspa(const run_slot *s, LADSPA_Handle h, unsigned long n) {
  rtcheck_autoscope_begin(s->name, rtcheck_autoscope_budget(n, s->rate));
  ((void (*)(LADSPA_Handle, unsigned long))s->fn)(h, n);
  rtcheck_autoscope_end();
}

#define DEFINE_RUN(a, b)                                                                           \
  static void lv2_run_##a##_##b(LV2_Handle h, uint32_t n) { run_lv2(&lv2_runs[a * 8 + b], h, n); } \
  static void ladspa_run_##a##_##b(LADSPA_Handle h, unsigned long n) {                             \
    run_ladspa(&ladspa_runs[a * 8 + b], h, n);                                                     \
  }
SLOTS_64(DEFINE_RUN)
#define LIST_LV2_RUN(a, b) lv2_run_##a##_##b,
#define LIST_LADSPA_RUN(a, b) ladspa_run_##a##_##b,
static void (*const lv2_run_tramps[RUN_SLOTS])(LV2_Handle, uint32_t) = {SLOTS_64(LIST_LV2_RUN)};
static void (*const ladspa_run_tramps[RUN_SLOTS])(LADSPA_Handle,
                                                  unsigned long) = {SLOTS_64(LIST_LADSPA_RUN)};

/* A run slot for `fn` named `name`, or -1 when the pool is full. */
static int arm_run(run_slot *pool, void *fn, const char *name, int api, double rate) {
  for (int i = 0; i < RUN_SLOTS; i++) {
    if (!claim_slot(&pool[i].state))
      continue;
    pool[i].fn = fn;
    pool[i].name = rtcheck_autoscope_intern(name, api, "plug-in");
    pool[i].rate = (uint32_t)(rate + 0.5);
    return i;
  }
  return -1;
}

/* --- Descriptor copies ----------------------------------------------------------------------- */

typedef struct lv2_copy {
  LV2_Descriptor desc; /* first: the host's pointer is the copy's */
  const LV2_Descriptor *real;
  void *real_run;
  const char *real_uri;
  int run; /* slot in lv2_runs, -1 unarmed */
  int ext; /* slot of autoscope_lv2_worker.c, -1 unarmed */
} lv2_copy;

/* autoscope_lv2_worker.c: an extension_data trampoline whose worker interface is wrapped. */
int rtcheck_autoscope_lv2_arm_extension(const void *(*real)(const char *), const char *uri,
                                        const void *(**tramp)(const char *));
void rtcheck_autoscope_lv2_release_extension(int slot);

typedef struct ladspa_copy {
  LADSPA_Descriptor desc;
  const LADSPA_Descriptor *real;
  void *real_run, *real_run_adding;
  const char *real_label;
  int run, run_adding;
} ladspa_copy;

static lv2_copy lv2_copies[COPY_SLOTS];
static ladspa_copy ladspa_copies[COPY_SLOTS];
static uint32_t lv2_copy_count, ladspa_copy_count;
static int copies_busy;

static void lock_copies(void) {
  while (__atomic_exchange_n(&copies_busy, 1, __ATOMIC_ACQUIRE))
    ;
}
static void unlock_copies(void) { __atomic_store_n(&copies_busy, 0, __ATOMIC_RELEASE); }

static LV2_Handle lv2_instantiate(const LV2_Descriptor *d, double rate, const char *path,
                                  const LV2_Feature *const *features) {
  lv2_copy *c = (lv2_copy *)d;
  LV2_Handle h = c->real->instantiate(c->real, rate, path, features);
  if (!h)
    return h;
  lock_copies();
  if (c->run >= 0) {
    __atomic_store_n(&lv2_runs[c->run].rate, (uint32_t)(rate + 0.5), __ATOMIC_RELAXED);
  } else if (c->real->run) {
    c->run = arm_run(lv2_runs, (void *)c->real->run, c->real->URI, RTCHECK_AS_lv2_run, rate);
    if (c->run >= 0)
      c->desc.run = lv2_run_tramps[c->run];
  }
  if (c->ext < 0 && c->real->extension_data)
    c->ext = rtcheck_autoscope_lv2_arm_extension(c->real->extension_data, c->real->URI,
                                                 &c->desc.extension_data);
  unlock_copies();
  return h;
}

static LADSPA_Handle ladspa_instantiate(const LADSPA_Descriptor *d, unsigned long rate) {
  ladspa_copy *c = (ladspa_copy *)d;
  LADSPA_Handle h = c->real->instantiate(c->real, rate);
  if (!h)
    return h;
  lock_copies();
  char name[RTCHECK_AUTOSCOPE_NAME_MAX];
  snprintf(name, sizeof name, "%s (%lu)", c->real->Label ? c->real->Label : "?", c->real->UniqueID);
  if (c->run >= 0) {
    __atomic_store_n(&ladspa_runs[c->run].rate, (uint32_t)rate, __ATOMIC_RELAXED);
  } else if (c->real->run) {
    c->run = arm_run(ladspa_runs, (void *)c->real->run, name, RTCHECK_AS_ladspa_run, (double)rate);
    if (c->run >= 0)
      c->desc.run = ladspa_run_tramps[c->run];
  }
  if (c->run_adding >= 0) {
    __atomic_store_n(&ladspa_runs[c->run_adding].rate, (uint32_t)rate, __ATOMIC_RELAXED);
  } else if (c->real->run_adding) {
    size_t n = strlen(name);
    snprintf(name + n, sizeof name - n, " [run_adding]");
    c->run_adding = arm_run(ladspa_runs, (void *)c->real->run_adding, name,
                            RTCHECK_AS_ladspa_run_adding, (double)rate);
    if (c->run_adding >= 0)
      c->desc.run_adding = ladspa_run_tramps[c->run_adding];
  }
  unlock_copies();
  return h;
}

/* The copy of `real`, refreshed when a library loaded at the same address replaced it (the old
 * library is gone, so nothing runs its trampolines). */
static const LV2_Descriptor *wrap_lv2(const LV2_Descriptor *real) {
  if (!real || !real->instantiate)
    return real;
  const LV2_Descriptor *out = real;
  lock_copies();
  lv2_copy *c = 0;
  for (uint32_t i = 0; i < lv2_copy_count && !c; i++)
    if (lv2_copies[i].real == real)
      c = &lv2_copies[i];
  if (!c && lv2_copy_count < COPY_SLOTS) {
    c = &lv2_copies[lv2_copy_count++];
    c->real = real;
    c->run = c->ext = -1;
  }
  if (c) {
    if (c->real_run != (void *)real->run || c->real_uri != real->URI) {
      if (c->run >= 0)
        __atomic_store_n(&lv2_runs[c->run].state, 0, __ATOMIC_RELEASE);
      rtcheck_autoscope_lv2_release_extension(c->ext);
      c->desc = *real;
      c->desc.instantiate = lv2_instantiate;
      c->real_run = (void *)real->run;
      c->real_uri = real->URI;
      c->run = c->ext = -1;
    }
    out = &c->desc;
  }
  unlock_copies();
  return out;
}

static const LADSPA_Descriptor *wrap_ladspa(const LADSPA_Descriptor *real) {
  if (!real || !real->instantiate)
    return real;
  const LADSPA_Descriptor *out = real;
  lock_copies();
  ladspa_copy *c = 0;
  for (uint32_t i = 0; i < ladspa_copy_count && !c; i++)
    if (ladspa_copies[i].real == real)
      c = &ladspa_copies[i];
  if (!c && ladspa_copy_count < COPY_SLOTS) {
    c = &ladspa_copies[ladspa_copy_count++];
    c->real = real;
    c->run = c->run_adding = -1;
  }
  if (c) {
    if (c->real_run != (void *)real->run || c->real_run_adding != (void *)real->run_adding ||
        c->real_label != real->Label) {
      if (c->run >= 0)
        __atomic_store_n(&ladspa_runs[c->run].state, 0, __ATOMIC_RELEASE);
      if (c->run_adding >= 0)
        __atomic_store_n(&ladspa_runs[c->run_adding].state, 0, __ATOMIC_RELEASE);
      c->desc = *real;
      c->desc.instantiate = ladspa_instantiate;
      c->real_run = (void *)real->run;
      c->real_run_adding = (void *)real->run_adding;
      c->real_label = real->Label;
      c->run = c->run_adding = -1;
    }
    out = &c->desc;
  }
  unlock_copies();
  return out;
}

/* --- Entry points, one wrapper per library --------------------------------------------------- */

typedef struct entry_slot {
  uint32_t state;
  void *real;
} entry_slot;

static entry_slot lv2_entries[ENTRY_SLOTS], ladspa_entries[ENTRY_SLOTS];

#define DEFINE_ENTRY(a, b)                                                                         \
  static const LV2_Descriptor *lv2_entry_##a##_##b(uint32_t index) {                               \
    return wrap_lv2(((LV2_Descriptor_Function)lv2_entries[a * 8 + b].real)(index));                \
  }                                                                                                \
  static const LADSPA_Descriptor *ladspa_entry_##a##_##b(unsigned long index) {                    \
    return wrap_ladspa(((LADSPA_Descriptor_Function)ladspa_entries[a * 8 + b].real)(index));       \
  }
SLOTS_32(DEFINE_ENTRY)
#define LIST_LV2_ENTRY(a, b) (void *)lv2_entry_##a##_##b,
#define LIST_LADSPA_ENTRY(a, b) (void *)ladspa_entry_##a##_##b,
static void *const lv2_entry_tramps[ENTRY_SLOTS] = {SLOTS_32(LIST_LV2_ENTRY)};
static void *const ladspa_entry_tramps[ENTRY_SLOTS] = {SLOTS_32(LIST_LADSPA_ENTRY)};

static void *wrap_entry(entry_slot *pool, void *const *tramps, void *entry) {
  for (int i = 0; i < ENTRY_SLOTS; i++)
    if (__atomic_load_n(&pool[i].state, __ATOMIC_ACQUIRE) == 2 && pool[i].real == entry)
      return tramps[i];
  for (int i = 0; i < ENTRY_SLOTS; i++) {
    if (!claim_slot(&pool[i].state))
      continue;
    pool[i].real = entry;
    __atomic_store_n(&pool[i].state, 2, __ATOMIC_RELEASE);
    return tramps[i];
  }
  return entry;
}

/* autoscope_clap.c: the wrapped copy of a library's `clap_entry` (a data symbol). */
void *rtcheck_autoscope_clap_entry(void *entry);

void *rtcheck_autoscope_plugin_entry(const char *symbol, void *entry);
void *rtcheck_autoscope_plugin_entry(const char *symbol, void *entry) {
  if (strcmp(symbol, "lv2_descriptor") == 0)
    return wrap_entry(lv2_entries, lv2_entry_tramps, entry);
  if (strcmp(symbol, "ladspa_descriptor") == 0)
    return wrap_entry(ladspa_entries, ladspa_entry_tramps, entry);
  if (strcmp(symbol, "clap_entry") == 0)
    return rtcheck_autoscope_clap_entry(entry);
  return entry;
}
