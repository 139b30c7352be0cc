/* Automatic scopes, the part that interposes nothing: the trampoline record pool, the table of
 * scope names (stable pointers, each with the registration that made it), callback names, and the
 * scope markers trampolines use. See autoscope.h and docs/runtime.md. */
#include "autoscope.h"
#include "scope.h"

#include <dlfcn.h>
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const rtcheck_autoscope_registration[RTCHECK_AS_COUNT] = {
#define RTCHECK_AUTOSCOPE(id, registration, slot, how) registration,
#define RTCHECK_AUTOSCOPE_THREAD(id, function) function,
#include "autoscopes.def"
};
const char *const rtcheck_autoscope_slot[RTCHECK_AS_COUNT] = {
#define RTCHECK_AUTOSCOPE(id, registration, slot, how) slot,
#define RTCHECK_AUTOSCOPE_THREAD(id, function) "thread",
#include "autoscopes.def"
};

static rtcheck_autoscope records[RTCHECK_AUTOSCOPE_RECORDS];

rtcheck_autoscope *rtcheck_autoscope_claim(int api, const void *owner, void *fn, void *arg) {
  for (unsigned i = 0; i < RTCHECK_AUTOSCOPE_RECORDS; i++) {
    rtcheck_autoscope *r = &records[i];
    uint32_t expected = 0;
    if (__atomic_load_n(&r->state, __ATOMIC_RELAXED) != 0 ||
        !__atomic_compare_exchange_n(&r->state, &expected, 1, 0, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
      continue;
    r->api = api;
    r->fn = fn;
    r->arg = arg;
    r->name = 0;
    r->rate = 0;
    r->budget_ns = 0;
    r->frame_bytes = 0;
    rtcheck_autoscope_set_owner(r, owner);
    /* Live: another thread's release_owner may look at it from now on. */
    __atomic_store_n(&r->state, 2, __ATOMIC_RELEASE);
    return r;
  }
  return 0;
}

void rtcheck_autoscope_set_owner(rtcheck_autoscope *rec, const void *owner) {
  __atomic_store_n(&rec->owner, owner, __ATOMIC_RELAXED);
}

int rtcheck_autoscope_owns(const void *p) {
  return (const char *)p >= (const char *)records &&
         (const char *)p < (const char *)(records + RTCHECK_AUTOSCOPE_RECORDS);
}

void rtcheck_autoscope_release(rtcheck_autoscope *rec) {
  if (rec)
    __atomic_store_n(&rec->state, 0, __ATOMIC_RELEASE);
}

void rtcheck_autoscope_release_owner(const void *owner, int api, const rtcheck_autoscope *keep) {
  for (unsigned i = 0; i < RTCHECK_AUTOSCOPE_RECORDS; i++) {
    rtcheck_autoscope *r = &records[i];
    if (r != keep && __atomic_load_n(&r->state, __ATOMIC_ACQUIRE) == 2 &&
        __atomic_load_n(&r->owner, __ATOMIC_RELAXED) == owner && (api < 0 || r->api == api))
      rtcheck_autoscope_release(r);
  }
}

/* --- Names -------------------------------------------------------------------------------------
 * Scope records are keyed by the name pointer (context.c), so a name must never change or move:
 * names live in this append-only table, and the same text always gets the same pointer (a client
 * that closes and reopens reports into the same scope). Registration time only; a spin lock. */

typedef struct autoscope_name {
  int api;
  char text[RTCHECK_AUTOSCOPE_NAME_MAX];
} autoscope_name;

static autoscope_name names[RTCHECK_AUTOSCOPE_NAMES];
static uint32_t name_count; /* published with release order after the entry is written */
static int names_busy;

const char *rtcheck_autoscope_intern(const char *text, int api, const char *fallback) {
  while (__atomic_exchange_n(&names_busy, 1, __ATOMIC_ACQUIRE))
    sched_yield();
  const char *out = fallback;
  uint32_t n = __atomic_load_n(&name_count, __ATOMIC_RELAXED);
  for (uint32_t i = 0; i < n; i++) {
    if (strncmp(names[i].text, text, RTCHECK_AUTOSCOPE_NAME_MAX - 1) == 0) {
      out = names[i].text;
      goto done;
    }
  }
  if (n < RTCHECK_AUTOSCOPE_NAMES) {
    names[n].api = api;
    strncpy(names[n].text, text, RTCHECK_AUTOSCOPE_NAME_MAX - 1);
    names[n].text[RTCHECK_AUTOSCOPE_NAME_MAX - 1] = 0;
    out = names[n].text;
    __atomic_store_n(&name_count, n + 1, __ATOMIC_RELEASE);
  }
done:
  __atomic_store_n(&names_busy, 0, __ATOMIC_RELEASE);
  return out;
}

int rtcheck_autoscope_origin(const char *name, const char **registration, const char **slot) {
  uint32_t n = __atomic_load_n(&name_count, __ATOMIC_ACQUIRE);
  for (uint32_t i = 0; i < n; i++) {
    if (names[i].text == name) {
      *registration = rtcheck_autoscope_registration[names[i].api];
      *slot = rtcheck_autoscope_slot[names[i].api];
      return 1;
    }
  }
  return 0;
}

typedef char *(*demangle_fn)(const char *mangled, char *out, size_t *len, int *status);

void rtcheck_autoscope_callback_name(const void *fn, char *buf, size_t len) {
  char sym[RTCHECK_AUTOSCOPE_NAME_MAX], module[RTCHECK_PATH_MAX];
  uintptr_t offset = 0;
  if (!rtcheck_symbolize(fn, sym, sizeof sym, module, sizeof module, &offset)) {
    snprintf(buf, len, "%p", fn);
    return;
  }
  const char *base = strrchr(module, '/');
  base = base ? base + 1 : module;
  if (!base[0]) /* the main program's link map has an empty name */
    base = program_invocation_short_name;
  if (!sym[0]) {
    snprintf(buf, len, "%s+0x%lx", base, (unsigned long)offset);
    return;
  }
  const char *shown = sym;
  char *demangled = 0;
  /* __cxa_demangle mallocs its result: registration time, with the guard held (not counted). */
  if (sym[0] == '_' && sym[1] == 'Z') {
    demangle_fn demangle = (demangle_fn)dlsym(RTLD_DEFAULT, "__cxa_demangle");
    int status = -1;
    if (demangle)
      demangled = demangle(sym, 0, 0, &status);
    if (demangled && status == 0)
      shown = demangled;
  }
  snprintf(buf, len, "%s (%s)", shown, base);
  free(demangled);
}

/* --- Scope markers -------------------------------------------------------------------------- */

RTCHECK_TLS const char *rtcheck_autoscope_thread_scope;

void rtcheck_autoscope_open_thread_scope(const char *name) {
  rtcheck_thread_state *t = &rtcheck_thread;
  if (rtcheck_autoscope_thread_scope || t->depth != 0)
    return;
  rtcheck_autoscope_thread_scope = name;
  rtcheck_proc.used_scopes = 1;
  rtcheck_scope_begin_impl(name, 0);
}

void rtcheck_autoscope_begin(const char *name, uint64_t budget_ns) {
  rtcheck_thread_state *t = &rtcheck_thread;
  /* A thread raised to real-time priority that turns out to run a known callback: its thread
   * scope ends here, so the callback is the outermost scope and is judged by its own budget. */
  if (RTCHECK_UNLIKELY(rtcheck_autoscope_thread_scope != 0) && t->depth == 1 &&
      t->frames[0].name == rtcheck_autoscope_thread_scope)
    rtcheck_scope_end_impl();
  if (RTCHECK_UNLIKELY(!rtcheck_proc.used_scopes))
    rtcheck_proc.used_scopes = 1;
  rtcheck_scope_begin_inline(name, budget_ns);
}

void rtcheck_autoscope_end(void) { rtcheck_scope_end_inline(); }
