/* Per-thread scope state, per-(thread, scope name) records, and the violation slow path.
 *
 * Hot-path contract: rtcheck_scope_begin_impl / rtcheck_scope_end_impl and rtcheck_on_call never
 * allocate and never lock. Records come from a fixed global pool (claimed with one atomic
 * increment the first time a thread opens a scope name) and are written only by their thread with
 * relaxed single-writer stores; the report merges them by name at exit. */
#include "scope.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

/* The counters rely on plain loads and stores being atomic and lock-free. */
_Static_assert(__atomic_always_lock_free(sizeof(uint64_t), 0), "64-bit atomics must be lock-free");
_Static_assert(__atomic_always_lock_free(sizeof(uint32_t), 0), "32-bit atomics must be lock-free");

RTCHECK_TLS rtcheck_thread_state rtcheck_thread;
rtcheck_globals rtcheck_g;
rtcheck_process rtcheck_proc;

const char *const rtcheck_fn_names[RTCHECK_FN_COUNT] = {
#define RTCHECK_INTERCEPTOR(id, name) name,
#include "interceptors.def"
#undef RTCHECK_INTERCEPTOR
};

#include "rtcheck_categories.gen.h"
const uint8_t rtcheck_fn_category[RTCHECK_FN_COUNT] = {
#define RTCHECK_CATEGORY_OF(id, cat) [RTCHECK_FN_##id] = cat,
    RTCHECK_GENERATED_CATEGORIES
#undef RTCHECK_CATEGORY_OF
};

static uint32_t thread_serial(rtcheck_thread_state *t) {
  if (RTCHECK_UNLIKELY(t->serial == 0))
    t->serial = __atomic_add_fetch(&rtcheck_g.thread_serials, 1, __ATOMIC_RELAXED);
  return t->serial;
}

static unsigned cache_slot(const char *name) {
  uintptr_t h = (uintptr_t)name;
  h ^= h >> 7;
  h *= 0x9E3779B97F4A7C15ull;
  return (unsigned)(h >> 59) & (RTCHECK_CACHE_SLOTS - 1);
}

/* The (thread, name) -> record index: open addressing over twice as many slots as records, so a
 * lookup that misses the thread's cache costs the same with 2 or 500 scope names. Only a record's
 * own thread inserts its key, so a slot goes from empty to published once (no duplicates). */
static unsigned index_slot(const char *name, uint32_t serial) {
  uint64_t h = (uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15ull ^ serial * 0xC2B2AE3D27D4EB4Full;
  return (unsigned)(h >> 40) & (RTCHECK_INDEX_SLOTS - 1);
}

static rtcheck_record *index_find(const char *name, uint32_t serial) {
  for (unsigned k = 0, s = index_slot(name, serial); k < RTCHECK_INDEX_SLOTS; k++) {
    rtcheck_record *r =
        __atomic_load_n(&rtcheck_g.index[(s + k) & (RTCHECK_INDEX_SLOTS - 1)], __ATOMIC_ACQUIRE);
    if (!r)
      return 0;
    if (r->thread == serial && r->name == name)
      return r;
  }
  return 0;
}

static void index_insert(rtcheck_record *r) {
  for (unsigned k = 0, s = index_slot(r->name, r->thread); k < RTCHECK_INDEX_SLOTS; k++) {
    rtcheck_record *expected = 0;
    if (__atomic_compare_exchange_n(&rtcheck_g.index[(s + k) & (RTCHECK_INDEX_SLOTS - 1)],
                                    &expected, r, 0, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
      return;
  }
}

static rtcheck_record *claim_record(const char *name, uint32_t serial, uint64_t budget_ns) {
  uint32_t i = __atomic_fetch_add(&rtcheck_g.record_count, 1, __ATOMIC_RELAXED);
  if (i >= RTCHECK_MAX_RECORDS) {
    __atomic_fetch_sub(&rtcheck_g.record_count, 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&rtcheck_g.records_dropped, 1, __ATOMIC_RELAXED);
    return 0;
  }
  rtcheck_record *r = &rtcheck_g.records[i];
  /* Fault the record's pages in now, before the scope's clock starts, rather than at its first
   * histogram bucket or violation counter inside the scope. */
  for (size_t off = 0; off < sizeof *r; off += 4096)
    RT_STORE((volatile char *)r + off, 0);
  RT_STORE((volatile char *)r + sizeof *r - 1, 0);
  r->name = name;
  r->thread = serial;
  r->budget_ns = budget_ns;
  RT_STORE(&r->min_ns, UINT64_MAX);
  RT_STORE(&r->period_min_ns, UINT64_MAX);
  __atomic_store_n(&r->in_use, 1, __ATOMIC_RELEASE);
  index_insert(r);
  return r;
}

/* This thread's record for `name`: the cache (direct-mapped: one probe, a miss overwrites the
 * slot), else the index, else a new one. */
rtcheck_record *rtcheck_lookup_record(rtcheck_thread_state *t, const char *name,
                                      uint64_t budget_ns) {
  uint32_t gen = RT_LOAD(&rtcheck_g.cache_gen);
  if (RTCHECK_UNLIKELY(t->cache_gen != gen)) {
    memset(t->cache_name, 0, sizeof t->cache_name);
    t->cache_gen = gen;
  }
  unsigned s = cache_slot(name);
  if (t->cache_name[s] == name)
    return t->cache_rec[s];
  uint32_t serial = thread_serial(t);
  rtcheck_record *rec = index_find(name, serial);
  if (!rec)
    rec = claim_record(name, serial, budget_ns);
  if (!rec)
    return 0;
  t->cache_name[s] = name;
  t->cache_rec[s] = rec;
  return rec;
}

/* The calling thread's page faults so far (page_faults=1). */
void rtcheck_read_faults(rtcheck_thread_state *t, uint64_t *minor, uint64_t *major) {
  struct rusage ru;
  t->guard++;
  int r = getrusage(RUSAGE_THREAD, &ru);
  t->guard--;
  *minor = r == 0 ? (uint64_t)ru.ru_minflt : 0;
  *major = r == 0 ? (uint64_t)ru.ru_majflt : 0;
}

/* The full paths of scope.h, for what its fast paths leave out. */
void rtcheck_scope_open_slow(const char *name, uint64_t budget_ns, const char *function,
                             const char *file, int line) {
  rtcheck_scope_open_full(name, budget_ns, function, file, line);
}

void rtcheck_scope_close_slow(void) { rtcheck_scope_close_full(rtcheck_now_ns()); }

void rtcheck_scope_close_at(uint64_t now_ns) { rtcheck_scope_close_full(now_ns); }

/* The out-of-line forms of scope.h, for the automatic scopes and the core tests. */
void rtcheck_scope_begin_impl(const char *name, uint64_t budget_ns) {
  rtcheck_scope_begin_inline(name, budget_ns);
}

void rtcheck_scope_note_source(const char *function, const char *file, int line) {
  rtcheck_scope_note_source_inline(function, file, line);
}

void rtcheck_scope_end_impl(void) { rtcheck_scope_end_inline(); }

static uint64_t site_hash(int fn, const char *scope, const void *pc) {
  uint64_t h = (uint64_t)(uintptr_t)pc * 0x9E3779B97F4A7C15ull;
  h ^= (uint64_t)(uintptr_t)scope * 0xC2B2AE3D27D4EB4Full;
  h ^= (uint64_t)fn * 0x165667B19E3779F9ull;
  return h ^ (h >> 31);
}

/* Finds or claims the site (fn, scope, pc); returns it and whether this call created it. Lock-free
 * open addressing; a slot being claimed by another thread is waited for (it only writes 3 fields).
 */
static rtcheck_site *find_site(int fn, const char *scope, const void *pc, int *created) {
  unsigned cap = rtcheck_g.options.max_sites;
  *created = 0;
  if (cap == 0)
    return 0;
  uint64_t h = site_hash(fn, scope, pc);
  for (unsigned k = 0; k < cap; k++) {
    rtcheck_site *s = &rtcheck_g.sites[(h + k) % cap];
    uint32_t st = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
    if (st == 0) {
      uint32_t expected = 0;
      if (__atomic_compare_exchange_n(&s->state, &expected, 1, 0, __ATOMIC_ACQ_REL,
                                      __ATOMIC_ACQUIRE)) {
        s->fn = fn;
        s->scope = scope;
        s->pc = pc;
        __atomic_store_n(&s->state, 2, __ATOMIC_RELEASE);
        *created = 1;
        return s;
      }
      st = expected;
    }
    while (st == 1)
      st = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
    if (s->fn == fn && s->scope == scope && s->pc == pc)
      return s;
  }
  return 0;
}

static void print_violation(const char *kind, int fn, const char *scope, rtcheck_site *site) {
  char line[512];
  int cat = rtcheck_fn_category[fn];
  int n =
      snprintf(line, sizeof line,
               "==%d==%s: rtcheck: call to '%s' (category %s) inside real-time scope '%s'\n",
               rtcheck_proc.pid, kind, rtcheck_fn_names[fn], rtcheck_category_names[cat], scope);
  rtcheck_write_stderr(line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
  void *local[RTCHECK_STACK_MAX];
  void **stack = local;
  int depth;
  if (site && __atomic_load_n(&site->stack_ready, __ATOMIC_ACQUIRE)) {
    stack = site->stack;
    depth = site->depth;
  } else {
    depth = rtcheck_stack_capture(local, RTCHECK_STACK_MAX);
  }
  int shown = 0;
  for (int i = 0; i < depth; i++) {
    char frame[400];
    if (!rtcheck_stack_format_demangled(stack[i], frame, sizeof frame))
      continue;
    n = snprintf(line, sizeof line, "    #%d %s\n", shown++, frame);
    rtcheck_write_stderr(line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
  }
  n = snprintf(
      line, sizeof line, "SUMMARY: rtcheck: %s '%s' in real-time scope '%s' [rtcheck-%s]\n",
      rtcheck_category_names[cat], rtcheck_fn_names[fn], scope, rtcheck_category_names[cat]);
  rtcheck_write_stderr(line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

/* Counts the call in every open scope's record: `violations`/`by_fn`, or `suppressed`. Inclusive:
 * the call happened inside every open scope; a scope name open twice on the stack (recursion)
 * counts it once. */
static void count_in_open_scopes(rtcheck_thread_state *t, unsigned open, int fn, int suppressed) {
  int cat = rtcheck_fn_category[fn];
  for (unsigned i = open; i-- > 0;) {
    rtcheck_record *rec = t->frames[i].rec;
    if (!rec)
      continue;
    int dup = 0;
    for (unsigned j = i + 1; j < open && !dup; j++)
      dup = t->frames[j].rec == rec;
    if (dup)
      continue;
    if (suppressed) {
      RT_BUMP(&rec->suppressed, 1);
      continue;
    }
    RT_BUMP(&rec->violations[cat], 1);
    RT_BUMP(&rec->by_fn[fn], 1);
  }
}

/* Which suppression (or -1) covers a call of `fn` in the open scopes, its stack taken here. */
static int match_here(rtcheck_thread_state *t, unsigned open, int fn) {
  const char *scopes[RTCHECK_MAX_DEPTH];
  for (unsigned i = 0; i < open; i++)
    scopes[i] = t->frames[i].name;
  void *stack[RTCHECK_STACK_MAX];
  int depth =
      rtcheck_suppressions_need_stack() ? rtcheck_stack_capture(stack, RTCHECK_STACK_MAX) : 0;
  return rtcheck_suppression_match(fn, scopes, open, stack, depth);
}

void rtcheck_on_call(int fn, const void *pc) {
  rtcheck_thread_state *t = &rtcheck_thread;
  int cat = rtcheck_fn_category[fn];
  if (rtcheck_g.options.ignore & (1u << cat))
    return;
  int saved_errno = errno;
  t->guard++;
  unsigned open = t->depth < RTCHECK_MAX_DEPTH ? t->depth : RTCHECK_MAX_DEPTH;
  const char *scope = t->frames[open - 1].name;
  /* The shim's own slow work (a stack, symbols for suppressions, a printed warning) is taken out of
   * the open scopes' latency (their excluded time); their start, from which periods count, stays. */
  uint64_t shim_t0 = 0;
  int suppressed_by = -1;
  int created;
  rtcheck_site *site = find_site(fn, scope, pc, &created);
  if (site) {
    __atomic_fetch_add(&site->count, 1, __ATOMIC_RELAXED);
    if (created) {
      shim_t0 = rtcheck_now_ns();
      site->depth = rtcheck_stack_capture(site->stack, RTCHECK_STACK_MAX);
      const char *scopes[RTCHECK_MAX_DEPTH];
      for (unsigned i = 0; i < open; i++)
        scopes[i] = t->frames[i].name;
      site->suppressed_by =
          rtcheck_suppressions_active()
              ? rtcheck_suppression_match(fn, scopes, open, site->stack, site->depth)
              : -1;
      __atomic_store_n(&site->stack_ready, 1, __ATOMIC_RELEASE);
      suppressed_by = site->suppressed_by;
    } else if (rtcheck_suppressions_active()) {
      /* Decided once per site; a site another thread is still creating is decided here. */
      if (__atomic_load_n(&site->stack_ready, __ATOMIC_ACQUIRE))
        suppressed_by = site->suppressed_by;
      else
        suppressed_by = match_here(t, open, fn);
    }
  } else {
    __atomic_fetch_add(&rtcheck_g.sites_dropped, 1, __ATOMIC_RELAXED);
    if (rtcheck_suppressions_active()) {
      shim_t0 = rtcheck_now_ns();
      suppressed_by = match_here(t, open, fn);
    }
  }
  count_in_open_scopes(t, open, fn, suppressed_by >= 0);
  if (suppressed_by >= 0) {
    rtcheck_suppression_hit(suppressed_by);
  } else if (rtcheck_g.options.mode == RTCHECK_MODE_TRAP) {
    /* The first trapping thread reports; any other waits for the abort. */
    if (__atomic_exchange_n(&rtcheck_g.trapping, 1, __ATOMIC_ACQ_REL) == 0) {
      print_violation("ERROR", fn, scope, site);
      rtcheck_report_write();
      abort();
    }
    for (;;)
      pause();
  } else if (rtcheck_g.options.mode == RTCHECK_MODE_LOG && created) {
    /* log: each distinct site once (those beyond max_sites are counted, not printed). */
    if (!shim_t0)
      shim_t0 = rtcheck_now_ns();
    print_violation("WARNING", fn, scope, site);
  }
  if (shim_t0) {
    uint64_t spent = rtcheck_now_ns() - shim_t0;
    for (unsigned i = 0; i < open; i++)
      t->frames[i].excluded_ns += spent;
  }
  t->guard--;
  errno = saved_errno;
}

/* Start-up: the site slots and the record pool.
 *
 * A thread that cycles through many scope names touches a different ~14 KB record each time; in
 * 4 KB pages that is a TLB miss per access (issue #14: 225 ns per scope at 400 names). The pool's
 * 2 MB-aligned part asks for transparent huge pages (pages are still only touched as records are
 * claimed, 2 MB at a time). */
void rtcheck_records_prepare(void) {
  /* The site slots a violation can claim, faulted in at start-up (64 by default: 19 KB) rather than
   * inside the scope of the first violation that lands on them. */
  unsigned sites = rtcheck_g.options.max_sites;
  for (size_t off = 0; off < sites * sizeof(rtcheck_site); off += 4096)
    RT_STORE((volatile char *)rtcheck_g.sites + off, 0);
  const uintptr_t huge = 2u << 20;
  uintptr_t start = ((uintptr_t)rtcheck_g.records + huge - 1) & ~(huge - 1);
  uintptr_t end = (uintptr_t)(rtcheck_g.records + RTCHECK_MAX_RECORDS) & ~(huge - 1);
  if (end > start)
    madvise((void *)start, end - start, MADV_HUGEPAGE);
}

void rtcheck_reset_after_fork(void) {
  uint32_t n = __atomic_load_n(&rtcheck_g.record_count, __ATOMIC_RELAXED);
  if (n > RTCHECK_MAX_RECORDS)
    n = RTCHECK_MAX_RECORDS;
  memset(rtcheck_g.records, 0, n * sizeof(rtcheck_record));
  rtcheck_g.record_count = 0;
  rtcheck_g.records_dropped = 0;
  rtcheck_g.depth_overflow = 0;
  rtcheck_g.sites_dropped = 0;
  rtcheck_g.report_busy = 0; /* a writer in another thread does not exist in the child */
  memset(rtcheck_g.index, 0, sizeof rtcheck_g.index);
  rtcheck_suppressions_reset_counts();
  for (unsigned i = 0; i < RTCHECK_SITES_CAPACITY; i++)
    if (rtcheck_g.sites[i].state)
      memset(&rtcheck_g.sites[i], 0, sizeof rtcheck_g.sites[i]);
  rtcheck_g.cache_gen++;
  /* The forking thread is the only one in the child: its open scopes continue there, with new
   * (empty) records, and the frames above them forget theirs (the scope path trusts a frame's
   * remembered record without asking the cache). */
  rtcheck_thread_state *t = &rtcheck_thread;
  unsigned open = t->depth < RTCHECK_MAX_DEPTH ? t->depth : RTCHECK_MAX_DEPTH;
  for (unsigned i = 0; i < open; i++)
    t->frames[i].rec = rtcheck_lookup_record(t, t->frames[i].name, t->frames[i].budget_ns);
  for (unsigned i = open; i < RTCHECK_MAX_DEPTH; i++) {
    t->frames[i].name = 0;
    t->frames[i].rec = 0;
  }
}
