/*
 * Internal interface of the rtcheck runtime shim (librtcheck_rt.so). Not installed.
 *
 * Layout: context.c (per-thread state, scopes, the violation slow path), options.c, histogram.c,
 * stack.c (capture and symbolise), report.c (JSON at exit), init.c (bootstrap: real symbols,
 * arena, constructor/destructor, fork), interceptors_<group>.c. See docs/runtime.md.
 */
#ifndef RTCHECK_INTERNAL_H
#define RTCHECK_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTCHECK_EXPORT __attribute__((visibility("default")))
#define RTCHECK_LIKELY(x) __builtin_expect(!!(x), 1)
#define RTCHECK_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define RTCHECK_TLS __thread __attribute__((tls_model("initial-exec")))

/* Relaxed single-writer counters: the owning thread writes, the report reads from another thread.
 */
#define RT_LOAD(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define RT_STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define RT_BUMP(p, n) RT_STORE((p), RT_LOAD(p) + (n))

/* --- Categories and interposed functions ------------------------------------------------------ */

/* Generated from rules/vocabulary/categories.json (the categories marked `runtime`). */
#include "rtcheck_categories.gen.h"

enum {
#define RTCHECK_RUNTIME_CATEGORY(id, name) RTCHECK_CAT_##id,
  RTCHECK_RUNTIME_CATEGORIES
#undef RTCHECK_RUNTIME_CATEGORY
  RTCHECK_CAT_COUNT
};
extern const char *const rtcheck_category_names[RTCHECK_CAT_COUNT];

enum {
#define RTCHECK_INTERCEPTOR(id, name) RTCHECK_FN_##id,
#include "interceptors.def"
#undef RTCHECK_INTERCEPTOR
  RTCHECK_FN_COUNT
};
extern const char *const rtcheck_fn_names[RTCHECK_FN_COUNT]; /* rule names */
extern const uint8_t rtcheck_fn_category[RTCHECK_FN_COUNT];  /* generated from rules/ */

/* --- Options (options.c) ---------------------------------------------------------------------- */

enum { RTCHECK_MODE_COUNT, RTCHECK_MODE_TRAP, RTCHECK_MODE_LOG };
enum { RTCHECK_CLOCK_TSC, RTCHECK_CLOCK_MONOTONIC };
#define RTCHECK_PATH_MAX 1024
#define RTCHECK_SITES_CAPACITY 1024

/* The kinds of runtime/options.def: C type of the field, and how the parser addresses it. */
enum {
  RTCHECK_OPTKIND_MODE,
  RTCHECK_OPTKIND_PATH,
  RTCHECK_OPTKIND_SITES,
  RTCHECK_OPTKIND_U64,
  RTCHECK_OPTKIND_CATEGORIES,
  RTCHECK_OPTKIND_BOOL,
  RTCHECK_OPTKIND_STATUS,
  RTCHECK_OPTKIND_CLOCK
};
#define RTCHECK_OPT_FIELD_MODE(name) int name
#define RTCHECK_OPT_FIELD_PATH(name) char name[RTCHECK_PATH_MAX]
#define RTCHECK_OPT_FIELD_SITES(name) unsigned name
#define RTCHECK_OPT_FIELD_U64(name) uint64_t name
#define RTCHECK_OPT_FIELD_CATEGORIES(name) unsigned name /* bit per category */
#define RTCHECK_OPT_FIELD_BOOL(name) int name
#define RTCHECK_OPT_FIELD_STATUS(name) int name
#define RTCHECK_OPT_FIELD_CLOCK(name) int name
#define RTCHECK_OPT_REF_MODE(f) (&(f))
#define RTCHECK_OPT_REF_PATH(f) (f)
#define RTCHECK_OPT_REF_SITES(f) (&(f))
#define RTCHECK_OPT_REF_U64(f) (&(f))
#define RTCHECK_OPT_REF_CATEGORIES(f) (&(f))
#define RTCHECK_OPT_REF_BOOL(f) (&(f))
#define RTCHECK_OPT_REF_STATUS(f) (&(f))
#define RTCHECK_OPT_REF_CLOCK(f) (&(f))

/* One field per option of runtime/options.def, named as the key. */
typedef struct rtcheck_options {
#define RTCHECK_OPTION(kind, name, def, doc) RTCHECK_OPT_FIELD_##kind(name);
#include "options.def"
#undef RTCHECK_OPTION
} rtcheck_options;

enum {
#define RTCHECK_OPTION(kind, name, def, doc) RTCHECK_OPT_##name,
#include "options.def"
#undef RTCHECK_OPTION
  RTCHECK_OPT_COUNT
};

/* The defaults of runtime/options.def. */
void rtcheck_options_default(rtcheck_options *o);
/* Parses `text` (may be NULL) into `o`, starting from the defaults. Returns 0 when well formed.
 * A malformed entry (no `=`, a bad value) is skipped - the other entries still apply - and
 * described in `err` ("'entry': expected ...", several joined by "; "); then -1 is returned.
 * Unknown keys are not errors: each distinct one is appended to `unknown` (comma-separated,
 * truncated to its size). */
int rtcheck_options_parse(const char *text, rtcheck_options *o, char *err, size_t errlen,
                          char *unknown, size_t unknownlen);
/* Calls `emit` for every option in table order with its value as JSON text (`quoted`: a string
 * that still needs JSON escaping). */
void rtcheck_options_echo(const rtcheck_options *o,
                          void (*emit)(void *ctx, const char *key, const char *value, int quoted),
                          void *ctx);

/* --- Histogram (histogram.c): log-linear, 32 sub-buckets per power of two (<= 3.1% error) ----- */

#define RTCHECK_HIST_SUB_BITS 5
#define RTCHECK_HIST_SUB (1u << RTCHECK_HIST_SUB_BITS)
#define RTCHECK_HIST_MAX_BITS 40 /* values >= 2^40 ns (18 min) land in the last bucket */
#define RTCHECK_HIST_BUCKETS                                                                       \
  (RTCHECK_HIST_SUB + (RTCHECK_HIST_MAX_BITS - RTCHECK_HIST_SUB_BITS) * RTCHECK_HIST_SUB)

/* The bucket of `v` (inline: scope_end records one value per scope). */
static inline unsigned rtcheck_hist_index(uint64_t v) {
  if (v < RTCHECK_HIST_SUB)
    return (unsigned)v;
  unsigned e = 63u - (unsigned)__builtin_clzll(v); /* e >= SUB_BITS */
  if (e >= RTCHECK_HIST_MAX_BITS)
    return RTCHECK_HIST_BUCKETS - 1;
  unsigned m = (unsigned)(v >> (e - RTCHECK_HIST_SUB_BITS)) - RTCHECK_HIST_SUB;
  return RTCHECK_HIST_SUB + (e - RTCHECK_HIST_SUB_BITS) * RTCHECK_HIST_SUB + m;
}
uint64_t rtcheck_hist_lower(unsigned index);
uint64_t rtcheck_hist_upper(unsigned index); /* exclusive */
/* The value at quantile q (0..1) of `counts` (total `n`): the midpoint of the bucket holding it,
 * clamped to [min, max]. */
uint64_t rtcheck_hist_quantile(const uint64_t *counts, uint64_t n, double q, uint64_t min,
                               uint64_t max);

/* --- Per-thread, per-scope-name records (context.c) ------------------------------------------- */

typedef struct rtcheck_record {
  const char *name;
  uint32_t thread; /* serial number of the owning thread (1, 2, ...) */
  uint32_t in_use; /* published with release order once name/thread are set */
  uint64_t budget_ns;
  const char *function, *file; /* where the scope was opened (rtcheck_scope_begin_at), or null */
  int line;
  uint64_t calls, sum_ns, min_ns, max_ns, misses;
  uint64_t last_begin_ns, periods, period_sum_ns, period_min_ns, period_max_ns;
  uint64_t violations[RTCHECK_CAT_COUNT];
  uint64_t suppressed;     /* calls a suppression covered (not in `violations`) */
  uint64_t minflt, majflt; /* page faults (page_faults=1) */
  uint64_t by_fn[RTCHECK_FN_COUNT];
  uint64_t hist[RTCHECK_HIST_BUCKETS];
} rtcheck_record;

#define RTCHECK_MAX_RECORDS 512
#define RTCHECK_INDEX_SLOTS 1024 /* the (thread, name) index: twice the records */
#define RTCHECK_MAX_DEPTH 16
#define RTCHECK_CACHE_SLOTS 32
#define RTCHECK_STACK_MAX 32

typedef struct rtcheck_frame {
  const char *name;
  rtcheck_record *rec;
  uint64_t begin_ns;    /* the clock at the start */
  uint64_t excluded_ns; /* the shim's own slow work inside the scope, left out of its latency */
  uint64_t budget_ns;
  uint64_t minflt0, majflt0; /* page faults at begin (page_faults=1) */
} __attribute__((aligned(64))) rtcheck_frame; /* a shift indexes it; one cache line each */

typedef struct rtcheck_thread_state {
  unsigned depth;     /* open scopes, including ones deeper than RTCHECK_MAX_DEPTH */
  unsigned guard;     /* > 0: inside the shim or a real function it called; pass through */
  unsigned resolving; /* > 0: inside dlsym; allocations come from the bootstrap arena */
  uint32_t serial;
  uint32_t cache_gen;
  rtcheck_frame frames[RTCHECK_MAX_DEPTH];
  const char *cache_name[RTCHECK_CACHE_SLOTS];
  rtcheck_record *cache_rec[RTCHECK_CACHE_SLOTS];
  uint32_t raised_seen; /* the rtcheck_raised_gen this thread last looked at */
} rtcheck_thread_state;

extern RTCHECK_TLS rtcheck_thread_state rtcheck_thread;

typedef struct rtcheck_site {
  uint32_t state; /* 0 empty, 1 being claimed, 2 published */
  uint32_t stack_ready;
  int fn;
  int suppressed_by; /* the suppression covering this site, or -1 (set before stack_ready) */
  const char *scope;
  const void *pc;
  uint64_t count;
  int depth;
  void *stack[RTCHECK_STACK_MAX];
} rtcheck_site;

typedef struct rtcheck_globals {
  rtcheck_options options;
  rtcheck_record records[RTCHECK_MAX_RECORDS];
  uint32_t record_count; /* claimed slots */
  rtcheck_record *index[RTCHECK_INDEX_SLOTS];
  uint64_t records_dropped; /* begins that found the pool full */
  uint64_t depth_overflow;  /* begins deeper than RTCHECK_MAX_DEPTH */
  uint32_t thread_serials;
  uint32_t cache_gen; /* bumped on fork: the forking thread's cache is stale */
  rtcheck_site sites[RTCHECK_SITES_CAPACITY];
  uint64_t sites_dropped; /* violations whose site did not fit in max_sites */
  uint32_t trapping;
  uint32_t report_busy; /* a report is being written */
} rtcheck_globals;

extern rtcheck_globals rtcheck_g;

/* --- Clock (clock.c) ------------------------------------------------------------------------- */

/* The TSC calibration (clock.c); `mult` is 0 until calibrated and published last. */
typedef struct rtcheck_tsc_state {
  int wanted;         /* the TSC will be used once calibrated */
  uint64_t tsc0, ns0; /* the first calibration pair */
  uint64_t mult;      /* ns per tick, 32.32 fixed point */
} rtcheck_tsc_state;
extern rtcheck_tsc_state rtcheck_tsc;
/* clock_gettime(CLOCK_MONOTONIC), calibrating the TSC when it is due. */
uint64_t rtcheck_now_ns_slow(void);

/* CLOCK_MONOTONIC nanoseconds. Real-time safety: wait-free (rdtsc, or the vDSO clock). Inline:
 * every scope reads it twice. */
#if defined(__x86_64__)
/* The TSC in CLOCK_MONOTONIC nanoseconds, given the published factor `mult` (non-zero). */
static inline uint64_t rtcheck_tsc_ns(uint64_t mult) {
  uint64_t ticks = __builtin_ia32_rdtsc() - rtcheck_tsc.tsc0;
  return rtcheck_tsc.ns0 + (uint64_t)(((unsigned __int128)ticks * mult) >> 32);
}
#endif
static inline uint64_t rtcheck_now_ns(void) {
#if defined(__x86_64__)
  uint64_t mult = __atomic_load_n(&rtcheck_tsc.mult, __ATOMIC_ACQUIRE);
  if (RTCHECK_LIKELY(mult))
    return rtcheck_tsc_ns(mult);
#endif
  return rtcheck_now_ns_slow();
}
/* Chooses the clock (clock=auto|tsc|monotonic) and takes the first calibration pair. */
void rtcheck_clock_init(int choice);
/* "tsc" or "CLOCK_MONOTONIC", for the report. */
const char *rtcheck_clock_name(void);

/* --- Suppressions (suppressions.c) ------------------------------------------------------------ */

/* Reads the suppressions file (suppressions=FILE) at start-up; warns once per unreadable file or
 * malformed line. Real-time safety: blocking (file I/O) - start-up only. */
void rtcheck_suppressions_load(const char *path);
extern int rtcheck_suppressions_loaded; /* how many suppressions were read */
static inline int rtcheck_suppressions_active(void) { return rtcheck_suppressions_loaded > 0; }
int rtcheck_suppressions_need_stack(void); /* a frame: or module: suppression is loaded */
/* The first suppression covering a call of `fn` inside the open scopes `scopes[0..n)` with the
 * return addresses `stack[0..depth)`, or -1. Symbolises the stack only for frame:/module: lines. */
int rtcheck_suppression_match(int fn, const char *const *scopes, unsigned n, void *const *stack,
                              int depth);
void rtcheck_suppression_hit(int index); /* counts a suppressed call (lock-free) */
void rtcheck_suppressions_reset_counts(void);
int rtcheck_suppression_count(void);
/* Suppression `index`: its "kind:pattern" text, its reason, and how many calls it covered. */
const char *rtcheck_suppression_rule(int index);
const char *rtcheck_suppression_reason(int index);
uint64_t rtcheck_suppression_hits(int index);

/* --- Scopes and the violation slow path (context.c) ------------------------------------------- */

/* Real-time safety: lock-free; no allocation (one atomic increment the first time a thread opens a
 * scope name, to claim its record). */
void rtcheck_scope_begin_impl(const char *name, uint64_t budget_ns);
/* Real-time safety: wait-free. */
void rtcheck_scope_end_impl(void);
/* Records the source of the innermost open scope, the first time its record is opened with one. */
void rtcheck_scope_note_source(const char *function, const char *file, int line);
/* The slow path of an interposed call made inside a scope: counts it in every open scope, records
 * its site, and traps or logs per the mode. Preserves errno. Real-time safety: lock-free for a
 * known site; a new site captures its stack (backtrace) once; log and trap modes write to stderr.
 */
void rtcheck_on_call(int fn, const void *pc);
/* Start-up: faults in the site slots in use and asks for huge pages for the record pool. */
void rtcheck_records_prepare(void);
/* Forgets everything recorded (fork child), keeping the calling thread's open scopes. */
void rtcheck_reset_after_fork(void);

/* Threads raised to real-time priority by another thread (autoscope_sched.c): bumped at each such
 * raise. A thread that sees a new value at an interposed call outside any scope looks for itself
 * among the raised threads once, and opens its thread scope if it is one. */
extern uint32_t rtcheck_raised_gen;
/* Returns 1 when the calling thread was raised and now has its thread scope open. */
int rtcheck_autoscope_adopt_raise(void);

/* Interceptor entry: 0 = pass straight through; 1 = counted, guard held until rtcheck_leave. */
static inline int rtcheck_enter(int fn, const void *pc) {
  rtcheck_thread_state *t = &rtcheck_thread;
  if (RTCHECK_LIKELY(t->depth == 0 || t->guard != 0)) {
    if (RTCHECK_LIKELY(t->raised_seen == RT_LOAD(&rtcheck_raised_gen) || t->guard != 0) ||
        !rtcheck_autoscope_adopt_raise())
      return 0;
  }
  rtcheck_on_call(fn, pc);
  t->guard++;
  return 1;
}
static inline void rtcheck_leave(int entered) {
  if (entered)
    rtcheck_thread.guard--;
}

/* --- Stacks (stack.c) ------------------------------------------------------------------------- */

/* The shim's own load base (set at start-up); its frames are left out of printed stacks. */
extern const void *rtcheck_shim_base;
int rtcheck_stack_capture(void **out, int max);
void rtcheck_stack_prewarm(void);
/* Formats frame `pc` as "0x... in symbol+0x.. (module+0x..)"; frames inside the shim return 0. */
int rtcheck_stack_format(const void *pc, char *buf, size_t len);
/* The same with C++ symbols demangled, for printed messages (allocates: slow paths only). */
int rtcheck_stack_format_demangled(const void *pc, char *buf, size_t len);
/* `sym` demangled into `buf`, or `sym` itself when it is not a C++ name or no libstdc++ is loaded.
 * Allocates (__cxa_demangle): slow paths only, with the guard held. */
const char *rtcheck_demangle(const char *sym, char *buf, size_t len);
#define RTCHECK_STACK_SYMBOL_MAX 256

/* --- Output (report.c) ------------------------------------------------------------------------ */

/* Writes the JSON report for this process image (atomically); warns once if it cannot.
 * Real-time safety: blocking (file I/O) - called at exit, before exec and when trapping only. */
void rtcheck_report_write(void);
/* The report's file name for this image, or 0 when there is none. */
int rtcheck_report_path(char *buf, size_t len);
void rtcheck_write_stderr(const char *s, size_t n);
void rtcheck_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --- Process identity (init.c) ---------------------------------------------------------------- */

typedef struct rtcheck_process {
  int pid;
  int forked;      /* this process was forked from one running the shim */
  int image_seq;   /* exec/spawn generations since the first process image (RTCHECK_IMAGE_SEQ) */
  int used_scopes; /* this image opened at least one scope */
} rtcheck_process;
extern rtcheck_process rtcheck_proc;

#ifdef __cplusplus
}
#endif
#endif /* RTCHECK_INTERNAL_H */
