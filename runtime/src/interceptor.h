/* Shared by the interceptors_<group>.c files: how an interceptor finds the real function and the
 * shape every simple interceptor has (enter: count if inside a scope; call the real function with
 * the guard held, so what it calls internally is not counted again; leave). */
#ifndef RTCHECK_INTERCEPTOR_H
#define RTCHECK_INTERCEPTOR_H

/* Keep glibc's extern-inline stdio definitions (putchar, getc, ...) out of the way of ours. glibc
 * decides in <features.h>, so this header must come before any system header: after one, Clang
 * keeps glibc's inline putchar/vprintf and ignores our visibility, and the shim silently stops
 * exporting them (found by the Clang-built sanitizer run; GCC happens to accept it). */
#ifdef _FEATURES_H
#error "include interceptor.h before any system header"
#endif
#ifndef __NO_INLINE__
#define __NO_INLINE__ 1
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include "rtcheck_internal.h"

/* The next definition of `name` after the shim (dlsym RTLD_NEXT). Aborts with a message if there is
 * none. dlsym may allocate: while it runs, this thread's allocations come from the bootstrap arena.
 */
void *rtcheck_resolve(const char *name);

/* Writes this image's report before an exec replaces it. */
void rtcheck_before_exec(void);

void *rtcheck_arena_alloc(size_t size, size_t align);
int rtcheck_arena_owns(const void *p);
size_t rtcheck_arena_size(const void *p);

static inline void *rtcheck_real(void **slot, const char *name) {
  void *p = __atomic_load_n(slot, __ATOMIC_RELAXED);
  if (RTCHECK_UNLIKELY(!p)) {
    p = rtcheck_resolve(name);
    __atomic_store_n(slot, p, __ATOMIC_RELAXED);
  }
  return p;
}

#define DECLARE_REAL(fn) static void *real_##fn
#define REAL(fn) ((__typeof__(&fn))rtcheck_real(&real_##fn, #fn))
#define ENTER(fn) int entered_ = rtcheck_enter(RTCHECK_FN_##fn, __builtin_return_address(0))
#define LEAVE() rtcheck_leave(entered_)

/* An interceptor that counts `fn` and calls the real `fn` with the same arguments. */
#define WRAP(ret, fn, params, args)                                                                \
  DECLARE_REAL(fn);                                                                                \
  RTCHECK_EXPORT ret fn params {                                                                   \
    ENTER(fn);                                                                                     \
    ret r_ = REAL(fn) args;                                                                        \
    LEAVE();                                                                                       \
    return r_;                                                                                     \
  }

#define WRAP_VOID(fn, params, args)                                                                \
  DECLARE_REAL(fn);                                                                                \
  RTCHECK_EXPORT void fn params {                                                                  \
    ENTER(fn);                                                                                     \
    REAL(fn) args;                                                                                 \
    LEAVE();                                                                                       \
  }

#endif /* RTCHECK_INTERCEPTOR_H */
