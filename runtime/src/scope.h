/*
 * The scope hot path, inline: the exported markers (init.c) and the automatic scopes reach it
 * without a call through the PLT or across files. Out-of-line forms: rtcheck_scope_begin_impl,
 * rtcheck_scope_end_impl (context.c). Not installed.
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

static inline __attribute__((always_inline)) void rtcheck_scope_begin_inline(const char *name,
                                                                             uint64_t budget_ns) {
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
  /* The common case: the scope this frame held last time (a callback in its loop). */
  rtcheck_record *rec = f->rec;
  if (RTCHECK_UNLIKELY(f->name != name || !rec || t->cache_gen != RT_LOAD(&rtcheck_g.cache_gen))) {
    rec = rtcheck_lookup_record(t, name, budget_ns);
    f->name = name;
    f->rec = rec;
  }
  f->budget_ns = budget_ns;
  if (RTCHECK_UNLIKELY(rtcheck_g.options.page_faults))
    rtcheck_read_faults(t, &f->minflt0, &f->majflt0); /* outside the timed part */
  uint64_t now = rtcheck_now_ns();
  f->begin_ns = now;
  if (RTCHECK_LIKELY(rec != 0)) {
    uint64_t last = RT_LOAD(&rec->last_begin_ns);
    RT_STORE(&rec->last_begin_ns, now);
    if (RTCHECK_LIKELY(last != 0)) {
      uint64_t p = now - last;
      RT_BUMP(&rec->periods, 1);
      RT_BUMP(&rec->period_sum_ns, p);
      if (RTCHECK_UNLIKELY(p < RT_LOAD(&rec->period_min_ns)))
        RT_STORE(&rec->period_min_ns, p);
      if (RTCHECK_UNLIKELY(p > RT_LOAD(&rec->period_max_ns)))
        RT_STORE(&rec->period_max_ns, p);
    }
  }
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

static inline __attribute__((always_inline)) void rtcheck_scope_end_inline(void) {
  uint64_t now = rtcheck_now_ns();
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
  uint64_t dt = now - f->begin_ns;
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
  if (RTCHECK_UNLIKELY(rtcheck_g.options.page_faults)) {
    uint64_t minor, major;
    rtcheck_read_faults(t, &minor, &major);
    RT_BUMP(&rec->minflt, minor - f->minflt0);
    RT_BUMP(&rec->majflt, major - f->majflt0);
  }
}

#endif /* RTCHECK_SCOPE_H */
