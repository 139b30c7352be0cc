/* Heap interceptors (category from rules/: alloc). While dlsym runs on this thread (resolving), the
 * allocation functions serve the bootstrap arena instead of the not-yet-known real ones. */
#include "interceptor.h"

#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

DECLARE_REAL(malloc);
DECLARE_REAL(calloc);
DECLARE_REAL(realloc);
DECLARE_REAL(free);
DECLARE_REAL(memalign);

#define IN_DLSYM()                                                                                 \
  RTCHECK_UNLIKELY(rtcheck_thread.resolving && !__atomic_load_n(&real_##malloc, __ATOMIC_RELAXED))

/* dlsym first frees the dlerror string a failed dlsym/dlopen left behind. When that happens while
 * the real free is not known yet, resolving it calls dlsym, which frees the same pending string
 * again, and so on until the stack overflows (a library whose constructor probes two missing
 * symbols crashed every program it was in). The nested free is skipped instead: the outer free,
 * once the real one is known, releases the string; when the resolution was for another function,
 * that one string is left allocated. */
#define IN_DLSYM_FREE()                                                                            \
  RTCHECK_UNLIKELY(rtcheck_thread.resolving && !__atomic_load_n(&real_free, __ATOMIC_RELAXED))

RTCHECK_EXPORT void *malloc(size_t size) {
  if (IN_DLSYM())
    return rtcheck_arena_alloc(size, 16);
  ENTER(malloc);
  void *p = REAL(malloc)(size);
  LEAVE();
  return p;
}

RTCHECK_EXPORT void *calloc(size_t n, size_t size) {
  if (RTCHECK_UNLIKELY(rtcheck_thread.resolving &&
                       !__atomic_load_n(&real_calloc, __ATOMIC_RELAXED))) {
    if (size && n > SIZE_MAX / size)
      return 0;
    return rtcheck_arena_alloc(n * size, 16); /* fresh arena memory is zero */
  }
  ENTER(calloc);
  void *p = REAL(calloc)(n, size);
  LEAVE();
  return p;
}

RTCHECK_EXPORT void *realloc(void *old, size_t size) {
  if (RTCHECK_UNLIKELY(old && rtcheck_arena_owns(old))) {
    /* Growing a bootstrap block: move it to the real heap. */
    void *p = malloc(size);
    if (p) {
      size_t have = rtcheck_arena_size(old);
      memcpy(p, old, have < size ? have : size);
    }
    return p;
  }
  if (IN_DLSYM())
    return rtcheck_arena_alloc(size, 16);
  ENTER(realloc);
  void *p = REAL(realloc)(old, size);
  LEAVE();
  return p;
}

/* free(NULL) does nothing (C11 7.22.3.3; glibc returns before touching any lock), so it is not a
 * violation - the same choice as RealtimeSanitizer. Arena blocks are never returned. */
RTCHECK_EXPORT void free(void *p) {
  if (RTCHECK_UNLIKELY(!p || rtcheck_arena_owns(p) || IN_DLSYM_FREE()))
    return;
  ENTER(free);
  REAL(free)(p);
  LEAVE();
}

RTCHECK_EXPORT void *reallocarray(void *old, size_t n, size_t size) {
  ENTER(reallocarray);
  void *p;
  if (size && n > SIZE_MAX / size) {
    errno = ENOMEM;
    p = 0;
  } else {
    p = realloc(old, n * size); /* guard held: not counted twice */
  }
  LEAVE();
  return p;
}

/* BSD reallocf: frees the block when it cannot be resized. Not in glibc 2.36; defined so that the
 * shim covers every RealtimeSanitizer interceptor. */
RTCHECK_EXPORT void *reallocf(void *old, size_t size) {
  ENTER(reallocf);
  void *p = realloc(old, size);
  if (!p && old && size)
    free(old);
  LEAVE();
  return p;
}

/* C23 free_sized / free_aligned_sized (glibc >= 2.43 only): the same as free. */
RTCHECK_EXPORT void free_sized(void *p, size_t size) {
  (void)size;
  if (!p || rtcheck_arena_owns(p) || IN_DLSYM_FREE())
    return;
  ENTER(free_sized);
  REAL(free)(p);
  LEAVE();
}

RTCHECK_EXPORT void free_aligned_sized(void *p, size_t align, size_t size) {
  (void)align;
  (void)size;
  if (!p || rtcheck_arena_owns(p) || IN_DLSYM_FREE())
    return;
  ENTER(free_aligned_sized);
  REAL(free)(p);
  LEAVE();
}

RTCHECK_EXPORT void *memalign(size_t align, size_t size) {
  if (IN_DLSYM())
    return rtcheck_arena_alloc(size, align);
  ENTER(memalign);
  void *p = REAL(memalign)(align, size);
  LEAVE();
  return p;
}

DECLARE_REAL(posix_memalign);
RTCHECK_EXPORT int posix_memalign(void **out, size_t align, size_t size) {
  if (IN_DLSYM()) {
    *out = rtcheck_arena_alloc(size, align);
    return *out ? 0 : ENOMEM;
  }
  ENTER(posix_memalign);
  int r = REAL(posix_memalign)(out, align, size);
  LEAVE();
  return r;
}

DECLARE_REAL(aligned_alloc);
RTCHECK_EXPORT void *aligned_alloc(size_t align, size_t size) {
  if (IN_DLSYM())
    return rtcheck_arena_alloc(size, align);
  ENTER(aligned_alloc);
  void *p = REAL(aligned_alloc)(align, size);
  LEAVE();
  return p;
}

WRAP(void *, valloc, (size_t size), (size))
WRAP(void *, pvalloc, (size_t size), (size))
WRAP(char *, strdup, (const char *s), (s))
WRAP(char *, strndup, (const char *s, size_t n), (s, n))

/* --- C++ operator new / delete
 * --------------------------------------------------------------------- Defined here under their
 * Itanium-ABI names (the shim does not link libstdc++). They allocate with the real
 * malloc/memalign/free directly - what libstdc++'s own operators do - and only on failure hand over
 * to libstdc++'s operator, which runs the new_handler and throws std::bad_alloc. A program that
 * defines its own operator new keeps it (the executable comes first in the lookup); its calls to
 * malloc are then what the shim sees. */

#define OP_NEW(id, sym, ...)                                                                       \
  void *rtcheck_##sym(size_t size __VA_ARGS__) __asm__(#sym);                                      \
  static void *real_##sym;                                                                         \
  RTCHECK_EXPORT void *rtcheck_##sym(size_t size __VA_ARGS__)

#define OP_DELETE(id, sym, ...)                                                                    \
  void rtcheck_##sym(void *p __VA_ARGS__) __asm__(#sym);                                           \
  RTCHECK_EXPORT void rtcheck_##sym(void *p __VA_ARGS__) {                                         \
    if (!p)                                                                                        \
      return;                                                                                      \
    ENTER(id);                                                                                     \
    REAL(free)(p);                                                                                 \
    LEAVE();                                                                                       \
  }

static void *new_plain(int id, size_t size, size_t align, const void *pc) {
  int entered = rtcheck_enter(id, pc);
  if (size == 0)
    size = 1;
  void *p = align ? REAL(memalign)(align, size) : REAL(malloc)(size);
  rtcheck_leave(entered);
  return p;
}

/* Out of memory: libstdc++'s operator loops over the new_handler and throws (or returns null for
 * the nothrow forms). Called with the guard released, so a throw leaves no shim state behind. */
#define FALLBACK(sym, type) ((type)rtcheck_real(&real_##sym, #sym))
#define PC __builtin_return_address(0)

OP_NEW(op_new, _Znwm) {
  void *p = new_plain(RTCHECK_FN_op_new, size, 0, PC);
  return p ? p : FALLBACK(_Znwm, void *(*)(size_t))(size);
}
OP_NEW(op_new_array, _Znam) {
  void *p = new_plain(RTCHECK_FN_op_new_array, size, 0, PC);
  return p ? p : FALLBACK(_Znam, void *(*)(size_t))(size);
}
OP_NEW(op_new, _ZnwmRKSt9nothrow_t, , const void *nt) {
  void *p = new_plain(RTCHECK_FN_op_new, size, 0, PC);
  return p ? p : FALLBACK(_ZnwmRKSt9nothrow_t, void *(*)(size_t, const void *))(size, nt);
}
OP_NEW(op_new_array, _ZnamRKSt9nothrow_t, , const void *nt) {
  void *p = new_plain(RTCHECK_FN_op_new_array, size, 0, PC);
  return p ? p : FALLBACK(_ZnamRKSt9nothrow_t, void *(*)(size_t, const void *))(size, nt);
}
OP_NEW(op_new, _ZnwmSt11align_val_t, , size_t align) {
  void *p = new_plain(RTCHECK_FN_op_new, size, align, PC);
  return p ? p : FALLBACK(_ZnwmSt11align_val_t, void *(*)(size_t, size_t))(size, align);
}
OP_NEW(op_new_array, _ZnamSt11align_val_t, , size_t align) {
  void *p = new_plain(RTCHECK_FN_op_new_array, size, align, PC);
  return p ? p : FALLBACK(_ZnamSt11align_val_t, void *(*)(size_t, size_t))(size, align);
}
OP_NEW(op_new, _ZnwmSt11align_val_tRKSt9nothrow_t, , size_t align, const void *nt) {
  void *p = new_plain(RTCHECK_FN_op_new, size, align, PC);
  return p ? p
           : FALLBACK(_ZnwmSt11align_val_tRKSt9nothrow_t,
                      void *(*)(size_t, size_t, const void *))(size, align, nt);
}
OP_NEW(op_new_array, _ZnamSt11align_val_tRKSt9nothrow_t, , size_t align, const void *nt) {
  void *p = new_plain(RTCHECK_FN_op_new_array, size, align, PC);
  return p ? p
           : FALLBACK(_ZnamSt11align_val_tRKSt9nothrow_t,
                      void *(*)(size_t, size_t, const void *))(size, align, nt);
}

/* The sized, aligned and nothrow deletes ignore their extra arguments, as libstdc++'s do. */
#pragma GCC diagnostic ignored "-Wunused-parameter"
OP_DELETE(op_delete, _ZdlPv)
OP_DELETE(op_delete_array, _ZdaPv)
OP_DELETE(op_delete, _ZdlPvm, , size_t size)
OP_DELETE(op_delete_array, _ZdaPvm, , size_t size)
OP_DELETE(op_delete, _ZdlPvRKSt9nothrow_t, , const void *nt)
OP_DELETE(op_delete_array, _ZdaPvRKSt9nothrow_t, , const void *nt)
OP_DELETE(op_delete, _ZdlPvSt11align_val_t, , size_t align)
OP_DELETE(op_delete_array, _ZdaPvSt11align_val_t, , size_t align)
OP_DELETE(op_delete, _ZdlPvmSt11align_val_t, , size_t size, size_t align)
OP_DELETE(op_delete_array, _ZdaPvmSt11align_val_t, , size_t size, size_t align)
OP_DELETE(op_delete, _ZdlPvSt11align_val_tRKSt9nothrow_t, , size_t align, const void *nt)
OP_DELETE(op_delete_array, _ZdaPvSt11align_val_tRKSt9nothrow_t, , size_t align, const void *nt)
