/* Automatic scopes (docs/runtime.md, "Automatic scopes"): the shim wraps the real-time callbacks a
 * program hands to an audio system or a plug-in host, so they run inside a scope named after the
 * callback, with the budget the program configured. This header is shared by autoscope.c (records,
 * names, no interposition; also in the unit-tested core) and the autoscope_<api>.c interposers.
 *
 * A wrapped callback's `void *arg` is replaced by a pointer to an rtcheck_autoscope record from a
 * fixed pool: the trampoline finds the program's callback and argument there. Records are claimed
 * at registration (not a real-time path) and released only when the owner (JACK client, PortAudio
 * stream) is closed or the registration is replaced, when no thread can be running the callback.
 */
#ifndef RTCHECK_AUTOSCOPE_H
#define RTCHECK_AUTOSCOPE_H

#include "rtcheck_internal.h"

#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
#define RTCHECK_AUTOSCOPE(id, registration, slot, how) RTCHECK_AS_##id,
#define RTCHECK_AUTOSCOPE_THREAD(id, function) RTCHECK_AS_##id,
#include "autoscopes.def"
  RTCHECK_AS_COUNT
};
extern const char *const rtcheck_autoscope_registration[RTCHECK_AS_COUNT];
extern const char *const rtcheck_autoscope_slot[RTCHECK_AS_COUNT];

#define RTCHECK_AUTOSCOPE_RECORDS 256
#define RTCHECK_AUTOSCOPE_NAMES 512
#define RTCHECK_AUTOSCOPE_NAME_MAX 160

typedef struct rtcheck_autoscope {
  uint32_t state;       /* 0 free, 1 claimed */
  int api;              /* RTCHECK_AS_* */
  const void *owner;    /* the client or stream it belongs to; released with it */
  void *fn;             /* the program's callback */
  void *arg;            /* the program's argument */
  const char *name;     /* interned scope name */
  uint32_t rate;        /* sample rate (Hz) for per-call budgets; 0 when unknown */
  uint64_t budget_ns;   /* budget when a call does not give its frame count */
  uint32_t frame_bytes; /* bytes per frame, for callbacks given a byte count (SDL) */
} rtcheck_autoscope;

/* Claims a free record (zeroed but for `state`), or returns 0 when the pool is full; then the
 * caller registers the program's callback unchanged. Not for real-time paths. */
rtcheck_autoscope *rtcheck_autoscope_claim(int api, const void *owner, void *fn, void *arg);
/* Returns a record to the pool; the caller knows no thread can enter its trampoline any more. */
void rtcheck_autoscope_release(rtcheck_autoscope *rec);
/* Sets the owner of a live record (a stream known only once it is open). */
void rtcheck_autoscope_set_owner(rtcheck_autoscope *rec, const void *owner);
/* Whether `p` points into the record pool. */
int rtcheck_autoscope_owns(const void *p);
/* Releases every record of `owner` (all APIs when `api` < 0) except `keep`. */
void rtcheck_autoscope_release_owner(const void *owner, int api, const rtcheck_autoscope *keep);

/* A stable copy of `text` (the same pointer for the same text), remembering which registration made
 * it; truncated to RTCHECK_AUTOSCOPE_NAME_MAX - 1. Returns `fallback` when the table is full. */
const char *rtcheck_autoscope_intern(const char *text, int api, const char *fallback);
/* "symbol (module)" for a callback address: dynamic symbols, else the module's .symtab; C++ names
 * are demangled when the program has libstdc++ loaded; "module+0xoffset" for a stripped module
 * (the input addr2line takes with debug symbols). Written into `buf`. */
void rtcheck_autoscope_callback_name(const void *fn, char *buf, size_t len);
/* The registration that made scope `name` and the slot it wraps, or 0 for a scope the program
 * opened itself. Used by the report. */
int rtcheck_autoscope_origin(const char *name, const char **registration, const char **slot);

/* The function at `addr`, its module's path and its offset in the module (stack.c): dynamic
 * symbols, else the module's .symtab; `sym` is empty when neither names it (a stripped program).
 * Returns 0 when no module contains `addr`. */
int rtcheck_symbolize(const void *addr, char *sym, size_t symlen, char *module, size_t modlen,
                      uintptr_t *offset);

/* frames / rate in nanoseconds; 0 (no deadline: the default budget) when the rate is unknown. */
static inline uint64_t rtcheck_autoscope_budget(uint64_t frames, uint32_t rate) {
  return rate ? frames * 1000000000ull / rate : 0;
}

/* Scope markers for trampolines. Real-time safety: lock-free, no allocation (as
 * rtcheck_scope_begin_impl). A thread-scope open on this thread (autoscope_sched.c) is closed
 * first: the callback's scope is then the outermost one and is judged against its budget. */
void rtcheck_autoscope_begin(const char *name, uint64_t budget_ns);
void rtcheck_autoscope_end(void);

/* The thread scope of a thread raised to real-time priority: its name, or 0 when none is open. */
extern RTCHECK_TLS const char *rtcheck_autoscope_thread_scope;
void rtcheck_autoscope_open_thread_scope(const char *name);

/* The next definition of `name` after the shim, or 0. Looks in the global scope first, then in
 * every loaded object (a library dlopen'ed with RTLD_LOCAL is not in the global scope). */
void *rtcheck_autoscope_resolve(const char *name);

/* pthread_create's hooks (autoscope_sched.c): a thread created with an explicit SCHED_FIFO/SCHED_RR
 * attribute gets a trampoline that opens its thread scope; `fn` and `arg` are replaced. When the
 * real pthread_create fails, the replaced `arg` is handed back to free its record. */
void rtcheck_autoscope_thread_create(const pthread_attr_t *attr, void *(**fn)(void *), void **arg);
void rtcheck_autoscope_thread_create_failed(void *arg);

/* The thread that made a successful pthread_setschedparam/sched_setscheduler call with a real-time
 * policy on itself starts a thread scope (autoscope_sched.c); `ret` names the caller. */
void rtcheck_autoscope_pthread_setschedparam(pthread_t thread, int policy, const void *ret);
void rtcheck_autoscope_sched_setscheduler(pid_t pid, int policy, const void *ret);

/* Whether `addr` is in a library that defines one of the registration functions the shim wraps
 * (libjack, libportaudio): that library's threads run wrapped callbacks. Registration time only. */
int rtcheck_autoscope_in_audio_library(const void *addr);

/* The real `fn` for a registration wrapper, resolved on first use (rtcheck_autoscope_resolve); 0
 * when no loaded object defines it. */
static inline void *rtcheck_autoscope_real(void **slot, const char *name) {
  void *p = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
  if (RTCHECK_UNLIKELY(!p)) {
    p = rtcheck_autoscope_resolve(name);
    __atomic_store_n(slot, p, __ATOMIC_RELEASE);
  }
  return p;
}
#define AUTOSCOPE_DECLARE_REAL(fn) static void *real_##fn
#define AUTOSCOPE_REAL(fn) ((__typeof__(&fn))rtcheck_autoscope_real(&real_##fn, #fn))

#ifdef __cplusplus
}
#endif
#endif /* RTCHECK_AUTOSCOPE_H */
