/*
 * The scope path, inline: the exported markers (init.c) and the automatic scopes reach it without a
 * call through the PLT or across files. Not installed.
 *
 * Each side has a fast path for the steady state (a calibrated TSC, the frame's remembered record,
 * no page-fault counting) that calls nothing, so it compiles to a leaf without register saves, and
 * hands everything else to the full path out of line (context.c: rtcheck_scope_open_slow,
 * rtcheck_scope_close_slow, rtcheck_scope_close_at). The clock is read last when a scope opens and
 * first when it closes: the bookkeeping of both sides (record lookup, source, period, latency,
 * histogram) is outside the timed part, which holds only the clock reads' own latency.
 *
 * Real-time safety: begin is lock-free and does not allocate (one atomic increment the first time
 * a thread opens a scope name, to claim its record); end is wait-free.
 */
#ifndef RTCHECK_SCOPE_H
#define RTCHECK_SCOPE_H

#include "rtcheck_internal.h"

/* This thread's record for `name` (context.c): the direct-mapped cache, else the (thread, name)
 * index, else a new record; 0 when the pool is full. */
rtcheck_record *rtcheck_lookup_record(rtcheck_thread_state *t, const char *name,
                                      uint64_t budget_ns);
/* The calling thread's page faults so far (page_faults=1). */
void rtcheck_read_faults(rtcheck_thread_state *t, uint64_t *minor, uint64_t *major);
/* The full paths (context.c), out of line. */
void rtcheck_scope_open_slow(const char *name, uint64_t budget_ns, const char *function,
                             const char *file, int line);
void rtcheck_scope_close_slow(void);          /* reads the clock itself */
void rtcheck_scope_close_at(uint64_t now_ns); /* the clock already read */

/* The full open; `function`/`file`/`line` (all 0 when unknown) name the scope's source the first
 * time its record is opened with one. */
static inline __attribute__((always_inline)) void
rtcheck_scope_open_full(const char *name, uint64_t budget_ns, const char *function,
                        const char *file, int line) {
  rtcheck_thread_state *t = &rtcheck_thread;
  if (RTCHECK_UNLIKELY(!name))
    name = "(null)";
  unsigned d = t->depth++;
  if (RTCHECK_UNLIKELY(d >= RTCHECK_MAX_DEPTH)) {
    __atomic_fetch_add(&rtcheck_g.depth_overflow, 1, __ATOMIC_RELAXED);
    return;
  }
  if (budget_ns == 0)
    budget_ns = rtcheck_g.options.default_budget_ns;
  rtcheck_frame *f = &t->frames[d];
  /* A frame remembers the scope it held last time (a callback in its loop). A fork clears the
   * frames (rtcheck_reset_after_fork), so a remembered record is always this process's. */
  rtcheck_record *rec = f->rec;
  if (f->name != name || !rec) {
    rec = rtcheck_lookup_record(t, name, budget_ns);
    f->name = name;
    f->rec = rec;
  }
  f->budget_ns = budget_ns;
  f->excluded_ns = 0;
  if (function && rec && !rec->file && file) {
    rec->function = function;
    rec->line = line;
    __atomic_store_n(&rec->file, file, __ATOMIC_RELEASE);
  }
  if (RTCHECK_UNLIKELY(rtcheck_g.options.page_faults))
    rtcheck_read_faults(t, &f->minflt0, &f->majflt0);
  f->begin_ns = rtcheck_now_ns();
}

static inline __attribute__((always_inline)) void
rtcheck_scope_open_inline(const char *name, uint64_t budget_ns, const char *function,
                          const char *file, int line) {
#if defined(__x86_64__)
  rtcheck_thread_state *t = &rtcheck_thread;
  unsigned d = t->depth;
  uint64_t mult = __atomic_load_n(&rtcheck_tsc.mult, __ATOMIC_ACQUIRE);
  if (RTCHECK_LIKELY(d < RTCHECK_MAX_DEPTH && mult && !rtcheck_g.options.page_faults)) {
    rtcheck_frame *f = &t->frames[d];
    rtcheck_record *rec = f->rec;
    if (RTCHECK_LIKELY(f->name == name && rec && (!function || rec->file))) {
      t->depth = d + 1;
      f->budget_ns = budget_ns ? budget_ns : rtcheck_g.options.default_budget_ns;
      f->excluded_ns = 0;
      f->begin_ns = rtcheck_tsc_ns(mult);
      return;
    }
  }
#endif
  rtcheck_scope_open_slow(name, budget_ns, function, file, line);
}

static inline __attribute__((always_inline)) void rtcheck_scope_begin_inline(const char *name,
                                                                             uint64_t budget_ns) {
  rtcheck_scope_open_inline(name, budget_ns, 0, 0, 0);
}

/* Records the source of the innermost open scope, the first time its record is opened with one. */
static inline __attribute__((always_inline)) void
rtcheck_scope_note_source_inline(const char *function, const char *file, int line) {
  rtcheck_thread_state *t = &rtcheck_thread;
  unsigned d = t->depth;
  if (RTCHECK_UNLIKELY(d == 0 || d > RTCHECK_MAX_DEPTH))
    return;
  rtcheck_record *rec = t->frames[d - 1].rec;
  if (RTCHECK_UNLIKELY(rec && !rec->file && function && file)) {
    rec->function = function;
    rec->line = line;
    __atomic_store_n(&rec->file, file, __ATOMIC_RELEASE);
  }
}

/* A closed scope's latency, deadline and period, into its record (frame `f` at depth `d`). */
static inline __attribute__((always_inline)) void
rtcheck_scope_record(rtcheck_record *rec, const rtcheck_frame *f, unsigned d, uint64_t now) {
  uint64_t begin = f->begin_ns;
  uint64_t dt = now - begin - f->excluded_ns;
  if (RTCHECK_UNLIKELY((int64_t)dt < 0))
    dt = 0; /* the shim's own time was larger than the clock's resolution saw */
  RT_BUMP(&rec->calls, 1);
  RT_BUMP(&rec->sum_ns, dt);
  if (RTCHECK_UNLIKELY(dt < RT_LOAD(&rec->min_ns)))
    RT_STORE(&rec->min_ns, dt);
  if (RTCHECK_UNLIKELY(dt > RT_LOAD(&rec->max_ns)))
    RT_STORE(&rec->max_ns, dt);
  RT_BUMP(&rec->hist[rtcheck_hist_index(dt)], 1);
  /* Only the outermost scope is judged against its budget (realtime.h). */
  if (d == 0 && f->budget_ns && dt > f->budget_ns)
    RT_BUMP(&rec->misses, 1);
  /* The period: from the previous scope of this record's start to this one's. A recursive scope
   * of the same name ends after a later start and is not a period. */
  uint64_t last = RT_LOAD(&rec->last_begin_ns);
  if (RTCHECK_LIKELY(begin > last)) {
    RT_STORE(&rec->last_begin_ns, begin);
    if (RTCHECK_LIKELY(last != 0)) {
      uint64_t p = begin - last;
      RT_BUMP(&rec->periods, 1);
      RT_BUMP(&rec->period_sum_ns, p);
      if (RTCHECK_UNLIKELY(p < RT_LOAD(&rec->period_min_ns)))
        RT_STORE(&rec->period_min_ns, p);
      if (RTCHECK_UNLIKELY(p > RT_LOAD(&rec->period_max_ns)))
        RT_STORE(&rec->period_max_ns, p);
    }
  }
}

/* The full close, the clock read at `now`. */
static inline __attribute__((always_inline)) void rtcheck_scope_close_full(uint64_t now) {
  rtcheck_thread_state *t = &rtcheck_thread;
  if (RTCHECK_UNLIKELY(t->depth == 0))
    return; /* unbalanced end: ignored */
  unsigned d = --t->depth;
  if (RTCHECK_UNLIKELY(d >= RTCHECK_MAX_DEPTH))
    return;
  rtcheck_frame *f = &t->frames[d];
  rtcheck_record *rec = f->rec;
  if (RTCHECK_UNLIKELY(!rec))
    return;
  rtcheck_scope_record(rec, f, d, now);
  if (RTCHECK_UNLIKELY(rtcheck_g.options.page_faults)) {
    uint64_t minor, major;
    rtcheck_read_faults(t, &minor, &major);
    RT_BUMP(&rec->minflt, minor - f->minflt0);
    RT_BUMP(&rec->majflt, major - f->majflt0);
  }
}

static inline __attribute__((always_inline)) void rtcheck_scope_end_inline(void) {
#if defined(__x86_64__)
  uint64_t mult = __atomic_load_n(&rtcheck_tsc.mult, __ATOMIC_ACQUIRE);
  if (RTCHECK_LIKELY(mult)) {
    uint64_t now = rtcheck_tsc_ns(mult);
    rtcheck_thread_state *t = &rtcheck_thread;
    unsigned d = t->depth - 1; /* an unbalanced end (depth 0) wraps and goes the full way */
    if (RTCHECK_LIKELY(d < RTCHECK_MAX_DEPTH && !rtcheck_g.options.page_faults)) {
      rtcheck_frame *f = &t->frames[d];
      rtcheck_record *rec = f->rec;
      if (RTCHECK_LIKELY(rec != 0)) {
        t->depth = d;
        rtcheck_scope_record(rec, f, d, now);
        return;
      }
    }
    rtcheck_scope_close_at(now);
    return;
  }
#endif
  rtcheck_scope_close_slow();
}

#endif /* RTCHECK_SCOPE_H */
