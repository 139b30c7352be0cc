/* The LV2 worker interface a host gets through a wrapped descriptor's extension_data
 * (autoscope_plugins.c arms it at the first instantiation, as `run`): its `end_run`, which the host
 * calls in its audio thread after each run(), runs in a scope named "URI [end_run]". No budget of
 * its own: it gets no frame count, and the host's cycle around it (its process callback's scope)
 * carries the deadline. `work` runs in the host's worker thread and stays the plug-in's own;
 * `work_response` (audio thread too) stays the plug-in's own until a test can make a real plug-in
 * call it (runtime/autoscopes.def).
 *
 * extension_data gets no handle or descriptor, so, as with `run`, each armed descriptor has its own
 * generated trampolines; its copy of the interface is made when the host first asks for it. */
#include "autoscope.h"

#include <errno.h>
#include <lv2/core/lv2.h>
#include <lv2/worker/worker.h>
#include <stdio.h>
#include <string.h>

#define EXT_SLOTS 64

typedef struct ext_slot {
  uint32_t state;
  const void *(*real)(const char *uri);    /* the plug-in's extension_data */
  const char *uri;                         /* the plug-in's URI */
  const LV2_Worker_Interface *real_worker; /* the plug-in's interface, once asked for */
  LV2_Worker_Interface worker;             /* the copy the host gets */
  const char *end_run_name;
} ext_slot;

static ext_slot ext_slots[EXT_SLOTS];
static int ext_busy;

static LV2_Worker_Status end_run(const ext_slot *s, LV2_Handle h) {
  rtcheck_autoscope_begin(s->end_run_name, 0);
  LV2_Worker_Status r = s->real_worker->end_run(h);
  rtcheck_autoscope_end();
  return r;
}

static const void *extension(ext_slot *s, int index, const LV2_Worker_Interface *real);

/* 8 x 8 generated functions; X(a, b) is slot a * 8 + b. */
#define EXT_ROW(X, a) X(a, 0) X(a, 1) X(a, 2) X(a, 3) X(a, 4) X(a, 5) X(a, 6) X(a, 7)
#define EXT_64(X)                                                                                  \
  EXT_ROW(X, 0) EXT_ROW(X, 1) EXT_ROW(X, 2) EXT_ROW(X, 3) EXT_ROW(X, 4) EXT_ROW(X, 5)             \
  EXT_ROW(X, 6) EXT_ROW(X, 7)
#define DEFINE_EXT(a, b)                                                                           \
  static LV2_Worker_Status end_run_##a##_##b(LV2_Handle h) {                                      \
    return end_run(&ext_slots[a * 8 + b], h);                                                     \
  }
EXT_64(DEFINE_EXT)
#define DEFINE_EXT_ENTRY(a, b)                                                                     \
  static const void *extension_##a##_##b(const char *uri) {                                        \
    const void *r = ext_slots[a * 8 + b].real(uri);                                                \
    if (!r || !uri || strcmp(uri, LV2_WORKER__interface) != 0)                                     \
      return r;                                                                                    \
    return extension(&ext_slots[a * 8 + b], a * 8 + b, r);                                         \
  }
EXT_64(DEFINE_EXT_ENTRY)
#define LIST(name, a, b) name##_##a##_##b,
#define LIST_END_RUN(a, b) LIST(end_run, a, b)
#define LIST_EXTENSION(a, b) LIST(extension, a, b)
static LV2_Worker_Status (*const end_run_tramps[EXT_SLOTS])(LV2_Handle) = {EXT_64(LIST_END_RUN)};
static const void *(*const extension_tramps[EXT_SLOTS])(const char *) = {EXT_64(LIST_EXTENSION)};

static const char *name(const char *uri, const char *part, int api) {
  char text[RTCHECK_AUTOSCOPE_NAME_MAX];
  snprintf(text, sizeof text, "%s [%s]", uri ? uri : "?", part);
  return rtcheck_autoscope_intern(text, api, "plug-in");
}

/* The copy of the plug-in's worker interface `real`. A host asks once, at setup. */
static const void *extension(ext_slot *s, int index, const LV2_Worker_Interface *real) {
  int e = errno;
  rtcheck_thread.guard++;
  while (__atomic_exchange_n(&ext_busy, 1, __ATOMIC_ACQUIRE))
    ;
  if (s->real_worker != real) {
    s->worker = *real;
    if (real->end_run) {
      s->end_run_name = name(s->uri, "end_run", RTCHECK_AS_lv2_end_run);
      s->worker.end_run = end_run_tramps[index];
    }
    __atomic_store_n(&s->real_worker, real, __ATOMIC_RELEASE);
  }
  __atomic_store_n(&ext_busy, 0, __ATOMIC_RELEASE);
  rtcheck_thread.guard--;
  errno = e;
  return &s->worker;
}

int rtcheck_autoscope_lv2_arm_extension(const void *(*real)(const char *), const char *uri,
                                        const void *(**tramp)(const char *));
int rtcheck_autoscope_lv2_arm_extension(const void *(*real)(const char *), const char *uri,
                                        const void *(**tramp)(const char *)) {
  for (int i = 0; i < EXT_SLOTS; i++) {
    uint32_t expected = 0;
    if (!__atomic_compare_exchange_n(&ext_slots[i].state, &expected, 1, 0, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
      continue;
    ext_slots[i].real = real;
    ext_slots[i].uri = uri;
    ext_slots[i].real_worker = 0;
    *tramp = extension_tramps[i];
    return i;
  }
  return -1;
}

void rtcheck_autoscope_lv2_release_extension(int slot);
void rtcheck_autoscope_lv2_release_extension(int slot) {
  if (slot >= 0 && slot < EXT_SLOTS)
    __atomic_store_n(&ext_slots[slot].state, 0, __ATOMIC_RELEASE);
}
