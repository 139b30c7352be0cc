/* Bootstrap and process lifecycle: resolving the real functions, the arena that serves dlsym's own
 * allocations, the three-state initialisation (uninitialised / initialising: pass through / ready),
 * the exported scope entry points, fork, and the report at exit. */
#include "interceptor.h"
#include "scope.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --- Bootstrap arena ----------------------------------------------------------------------------
 * dlsym(RTLD_NEXT, ...) calls malloc/calloc (dlerror state) before the real allocator is known.
 * Those calls are served from this static arena; freeing arena memory is a no-op. 64 KiB is far
 * more than glibc 2.36 needs (one dlerror buffer per thread that resolves). */
#define ARENA_SIZE (64 * 1024)
static _Alignas(64) unsigned char arena[ARENA_SIZE];
static size_t arena_used;

void *rtcheck_arena_alloc(size_t size, size_t align) {
  if (align < 16)
    align = 16;
  for (;;) {
    size_t used = __atomic_load_n(&arena_used, __ATOMIC_RELAXED);
    size_t start =
        (used + 16 + align - 1) & ~(align - 1); /* 16 bytes before the block hold its size */
    if (start + size > ARENA_SIZE || size > ARENA_SIZE)
      return 0;
    if (__atomic_compare_exchange_n(&arena_used, &used, start + size, 0, __ATOMIC_RELAXED,
                                    __ATOMIC_RELAXED)) {
      memcpy(arena + start - sizeof(size_t), &size, sizeof size);
      return arena + start;
    }
  }
}

int rtcheck_arena_owns(const void *p) {
  return (const unsigned char *)p >= arena && (const unsigned char *)p < arena + ARENA_SIZE;
}

size_t rtcheck_arena_size(const void *p) {
  size_t size;
  memcpy(&size, (const unsigned char *)p - sizeof(size_t), sizeof size);
  return size;
}

/* --- Real symbols ----------------------------------------------------------------------------- */

static void *lookup(const char *name) {
  rtcheck_thread.resolving++;
  void *p = 0;
#if defined(__x86_64__)
  /* glibc keeps a pre-2.3.2 ABI of the condition variable functions; plain dlsym may return that
   * old version. Ask for the current one (the sanitizers do the same). */
  if (strncmp(name, "pthread_cond_", 13) == 0)
    p = dlvsym(RTLD_NEXT, name, "GLIBC_2.3.2");
#endif
  if (!p)
    p = dlsym(RTLD_NEXT, name);
  rtcheck_thread.resolving--;
  return p;
}

void *rtcheck_resolve(const char *name) {
  void *p = lookup(name);
  if (!p) {
    char line[256];
    int n = snprintf(line, sizeof line,
                     "==%d==ERROR: rtcheck: cannot find the real '%s' after the shim\n",
                     (int)getpid(), name);
    rtcheck_write_stderr(line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
    abort();
  }
  return p;
}

/* --- Initialisation
 * -------------------------------------------------------------------------------- */

enum { UNINITIALISED, INITIALISING, READY };
static int init_state;
static RTCHECK_TLS int initialising_thread;

static void child_after_fork(void) {
  rtcheck_proc.pid = (int)getpid();
  rtcheck_proc.forked = 1;
  rtcheck_proc.used_scopes = rtcheck_thread.depth > 0;
  rtcheck_reset_after_fork();
}

static void print_interceptors(void) {
  char line[256];
  for (int f = 0; f < RTCHECK_FN_COUNT; f++) {
    int n = snprintf(line, sizeof line, "rtcheck-interceptor\t%s\t%s\n", rtcheck_fn_names[f],
                     rtcheck_category_names[rtcheck_fn_category[f]]);
    rtcheck_write_stderr(line, (size_t)n);
  }
}

static void initialise(void) {
  rtcheck_thread.guard++;
  rtcheck_proc.pid = (int)getpid();

  char err[256], unknown[256];
  const char *text = getenv("RTCHECK_OPTIONS");
  if (rtcheck_options_parse(text, &rtcheck_g.options, err, sizeof err, unknown, sizeof unknown) !=
      0)
    rtcheck_warn("malformed RTCHECK_OPTIONS entry %s; ignored, the other options apply", err);
  for (char *k = unknown; *k;) {
    char *comma = strchr(k, ',');
    if (comma)
      *comma = 0;
    rtcheck_warn("unknown RTCHECK_OPTIONS key '%s' ignored", k);
    k = comma ? comma + 1 : k + strlen(k);
  }

  /* Which process image this is, for the report's file name (docs/runtime.md): every image started
   * from this one (exec, or a spawned child) inherits a higher number. */
  const char *seq = getenv("RTCHECK_IMAGE_SEQ");
  rtcheck_proc.image_seq = seq ? atoi(seq) : 0;
  if (rtcheck_g.options.report[0]) {
    char next[16];
    snprintf(next, sizeof next, "%d", rtcheck_proc.image_seq + 1);
    setenv("RTCHECK_IMAGE_SEQ", next, 1);
  }

  rtcheck_clock_init(rtcheck_g.options.clock);
  rtcheck_records_prepare();
  rtcheck_suppressions_load(rtcheck_g.options.suppressions);

  Dl_info self;
  if (dladdr((void *)&initialise, &self))
    rtcheck_shim_base = self.dli_fbase;
  rtcheck_stack_prewarm();
  pthread_atfork(0, 0, child_after_fork);
  if (rtcheck_g.options.print_interceptors)
    print_interceptors();
  rtcheck_thread.guard--;
}

static void ensure_init(void) {
  if (RTCHECK_LIKELY(__atomic_load_n(&init_state, __ATOMIC_ACQUIRE) == READY))
    return;
  int expected = UNINITIALISED;
  if (__atomic_compare_exchange_n(&init_state, &expected, INITIALISING, 0, __ATOMIC_ACQ_REL,
                                  __ATOMIC_ACQUIRE)) {
    initialising_thread = 1;
    initialise();
    initialising_thread = 0;
    __atomic_store_n(&init_state, READY, __ATOMIC_RELEASE);
    return;
  }
  if (initialising_thread)
    return; /* re-entered while initialising: pass through */
  while (__atomic_load_n(&init_state, __ATOMIC_ACQUIRE) != READY)
    ;
}

__attribute__((constructor(101))) static void rtcheck_constructor(void) { ensure_init(); }

__attribute__((destructor(101))) static void rtcheck_destructor(void) {
  if (__atomic_load_n(&init_state, __ATOMIC_ACQUIRE) == READY)
    rtcheck_report_write();
}

/* --- The public scope API (runtime/include/rtcheck/realtime.h)
 * ------------------------------------ */

/* A scope opened before the shim is ready, or this image's first: made ready, noted, then opened
 * the full way. Out of line, so the markers' steady state stays a leaf (scope.h). */
static __attribute__((noinline)) void first_scope(const char *name, uint64_t budget_ns,
                                                  const char *function, const char *file,
                                                  int line) {
  if (__atomic_load_n(&init_state, __ATOMIC_ACQUIRE) != READY)
    ensure_init();
  rtcheck_proc.used_scopes = 1;
  rtcheck_scope_open_slow(name, budget_ns, function, file, line);
}

RTCHECK_EXPORT void rtcheck_scope_begin(const char *name, uint64_t budget_ns) {
  if (RTCHECK_UNLIKELY(__atomic_load_n(&init_state, __ATOMIC_ACQUIRE) != READY ||
                       !rtcheck_proc.used_scopes)) {
    first_scope(name, budget_ns, 0, 0, 0);
    return;
  }
  rtcheck_scope_begin_inline(name, budget_ns);
}

/* What RTCHECK_SCOPE calls: the same path inline, not through rtcheck_scope_begin's PLT entry. */
RTCHECK_EXPORT void rtcheck_scope_begin_at(const char *name, uint64_t budget_ns,
                                           const char *function, const char *file, int line) {
  if (RTCHECK_UNLIKELY(__atomic_load_n(&init_state, __ATOMIC_ACQUIRE) != READY ||
                       !rtcheck_proc.used_scopes)) {
    first_scope(name, budget_ns, function, file, line);
    return;
  }
  rtcheck_scope_open_inline(name, budget_ns, function, file, line);
}

RTCHECK_EXPORT void rtcheck_scope_end(void) { rtcheck_scope_end_inline(); }

/* Called by the exec interceptors: this image's report, before the image is replaced. */
void rtcheck_before_exec(void) {
  if (__atomic_load_n(&init_state, __ATOMIC_ACQUIRE) == READY)
    rtcheck_report_write();
}
