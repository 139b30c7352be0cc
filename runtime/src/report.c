/* The JSON report (schema: docs/runtime.md), written at exit, before an exec, and when trapping.
 * Atomic: written to "<path>.tmp.<pid>" and renamed over the final name, so a reader sees either no
 * report or a whole one (a FIFO or a device is written in place, a symbolic link followed). No
 * allocation: fixed buffers; records are merged by scope name in place. */
#include "autoscope.h"
#include "rtcheck_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void rtcheck_write_stderr(const char *s, size_t n) {
  rtcheck_thread.guard++;
  while (n > 0) {
    ssize_t w = write(2, s, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      break;
    s += w;
    n -= (size_t)w;
  }
  rtcheck_thread.guard--;
}

void rtcheck_warn(const char *fmt, ...) {
  char line[1024];
  int n = snprintf(line, sizeof line, "==%d==WARNING: rtcheck: ", rtcheck_proc.pid);
  va_list ap;
  va_start(ap, fmt);
  int m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
  va_end(ap);
  size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
  if (len > sizeof line - 2)
    len = sizeof line - 2;
  line[len++] = '\n';
  rtcheck_write_stderr(line, len);
}

int rtcheck_report_path(char *buf, size_t len) {
  const char *p = rtcheck_g.options.report;
  if (!p[0])
    return 0;
  int first = !rtcheck_proc.forked && rtcheck_proc.image_seq == 0;
  if (!first && !rtcheck_proc.used_scopes)
    return 0; /* only the first process image reports without having opened a scope */
  size_t o = 0;
  int has_pid = 0;
  for (size_t i = 0; p[i] && o + 24 < len; i++) {
    if (p[i] == '%' && p[i + 1] == 'p') {
      o += (size_t)snprintf(buf + o, len - o, "%d", rtcheck_proc.pid);
      has_pid = 1;
      i++;
    } else if (p[i] == '%' && p[i + 1] == '%') {
      buf[o++] = '%';
      i++;
    } else {
      buf[o++] = p[i];
    }
  }
  buf[o] = 0;
  if (!first && !has_pid)
    o += (size_t)snprintf(buf + o, len - o, ".%d", rtcheck_proc.pid);
  if (rtcheck_proc.image_seq > 0 && o < len)
    snprintf(buf + o, len - o, ".%d", rtcheck_proc.image_seq);
  return 1;
}

/* --- A buffered JSON writer on a file descriptor ---------------------------------------------- */

typedef struct writer {
  int fd;
  int failed;
  int echo_first;
  size_t pos;
  char buf[8192];
} writer;

static void w_flush(writer *w) {
  size_t off = 0;
  while (off < w->pos && !w->failed) {
    ssize_t n = write(w->fd, w->buf + off, w->pos - off);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      w->failed = errno ? errno : EIO;
    else
      off += (size_t)n;
  }
  w->pos = 0;
}

static void w_raw(writer *w, const char *s) {
  for (; *s; s++) {
    if (w->pos == sizeof w->buf)
      w_flush(w);
    w->buf[w->pos++] = *s;
  }
}

static void w_fmt(writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void w_fmt(writer *w, const char *fmt, ...) {
  char tmp[128];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  w_raw(w, tmp);
}

/* The length of the well-formed UTF-8 sequence at `s` (RFC 3629: no overlong forms, no
 * surrogates, at most U+10FFFF), or 0. */
static int utf8_length(const unsigned char *s) {
  unsigned char c = s[0];
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (c < 0xC2 || c > 0xF4)
    return 0;
  unsigned char lo = 0x80, hi = 0xBF; /* the allowed range of the second byte */
  if (c == 0xE0)
    lo = 0xA0;
  else if (c == 0xED)
    hi = 0x9F;
  else if (c == 0xF0)
    lo = 0x90;
  else if (c == 0xF4)
    hi = 0x8F;
  if (s[1] < lo || s[1] > hi)
    return 0;
  for (int i = 2; i < n; i++)
    if ((s[i] & 0xC0) != 0x80)
      return 0;
  return n;
}

/* A JSON string. Names and paths come from the program (scope names, its path, symbols) and may
 * hold any bytes: a byte that is not part of well-formed UTF-8 is written as \u00XX (its Latin-1
 * reading), so the report stays valid JSON (docs/runtime.md). */
static void w_str(writer *w, const char *s) {
  char c[8];
  w_raw(w, "\"");
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    unsigned char ch = *p;
    if (ch == '"' || ch == '\\') {
      c[0] = '\\';
      c[1] = (char)ch;
      c[2] = 0;
    } else if (ch < 0x20) {
      snprintf(c, sizeof c, "\\u%04x", ch);
    } else if (ch < 0x80) {
      c[0] = (char)ch;
      c[1] = 0;
    } else {
      int n = utf8_length(p);
      if (n == 0) {
        snprintf(c, sizeof c, "\\u%04x", ch);
      } else {
        memcpy(c, p, (size_t)n);
        c[n] = 0;
        p += n - 1;
      }
    }
    w_raw(w, c);
    p++;
  }
  w_raw(w, "\"");
}

static void w_key(writer *w, const char *k) {
  w_str(w, k);
  w_raw(w, ":");
}

static void echo_option(void *ctx, const char *key, const char *value, int quoted) {
  writer *w = ctx;
  w_raw(w, w->echo_first ? "" : ",");
  w->echo_first = 0;
  w_key(w, key);
  if (quoted)
    w_str(w, value);
  else
    w_raw(w, value);
}

/* --- Merging the per-thread records of one scope name ----------------------------------------- */

static uint64_t merged_hist[RTCHECK_HIST_BUCKETS];
static uint64_t merged_fn[RTCHECK_FN_COUNT];

static void write_scope(writer *w, uint32_t first, uint32_t n) {
  const rtcheck_record *r0 = &rtcheck_g.records[first];
  uint64_t calls = 0, sum = 0, min = UINT64_MAX, max = 0, misses = 0, budget = 0;
  uint64_t periods = 0, psum = 0, pmin = UINT64_MAX, pmax = 0, viol[RTCHECK_CAT_COUNT] = {0};
  uint64_t suppressed = 0, minflt = 0, majflt = 0;
  unsigned threads = 0;
  memset(merged_hist, 0, sizeof merged_hist);
  memset(merged_fn, 0, sizeof merged_fn);
  for (uint32_t i = first; i < n; i++) {
    const rtcheck_record *r = &rtcheck_g.records[i];
    if (!__atomic_load_n(&r->in_use, __ATOMIC_ACQUIRE) || strcmp(r->name, r0->name) != 0)
      continue;
    int seen_thread = 0;
    for (uint32_t j = first; j < i && !seen_thread; j++)
      seen_thread = __atomic_load_n(&rtcheck_g.records[j].in_use, __ATOMIC_ACQUIRE) &&
                    rtcheck_g.records[j].thread == r->thread &&
                    strcmp(rtcheck_g.records[j].name, r0->name) == 0;
    threads += !seen_thread;
    if (!budget)
      budget = r->budget_ns;
    calls += RT_LOAD(&r->calls);
    sum += RT_LOAD(&r->sum_ns);
    uint64_t v = RT_LOAD(&r->min_ns);
    min = v < min ? v : min;
    v = RT_LOAD(&r->max_ns);
    max = v > max ? v : max;
    misses += RT_LOAD(&r->misses);
    periods += RT_LOAD(&r->periods);
    psum += RT_LOAD(&r->period_sum_ns);
    v = RT_LOAD(&r->period_min_ns);
    pmin = v < pmin ? v : pmin;
    v = RT_LOAD(&r->period_max_ns);
    pmax = v > pmax ? v : pmax;
    for (int c = 0; c < RTCHECK_CAT_COUNT; c++)
      viol[c] += RT_LOAD(&r->violations[c]);
    suppressed += RT_LOAD(&r->suppressed);
    minflt += RT_LOAD(&r->minflt);
    majflt += RT_LOAD(&r->majflt);
    for (int f = 0; f < RTCHECK_FN_COUNT; f++)
      merged_fn[f] += RT_LOAD(&r->by_fn[f]);
    for (unsigned b = 0; b < RTCHECK_HIST_BUCKETS; b++)
      merged_hist[b] += RT_LOAD(&r->hist[b]);
  }
  if (calls == 0)
    min = 0;
  w_raw(w, "{");
  w_key(w, "name");
  w_str(w, r0->name);
  /* The source of the scope, from the first of its records that has one. */
  for (uint32_t i = first; i < n; i++) {
    const rtcheck_record *r = &rtcheck_g.records[i];
    const char *file = __atomic_load_n(&r->file, __ATOMIC_ACQUIRE);
    if (!__atomic_load_n(&r->in_use, __ATOMIC_ACQUIRE) || !file || strcmp(r->name, r0->name) != 0)
      continue;
    w_raw(w, ",\"source\":{");
    w_key(w, "function");
    w_str(w, r->function);
    w_raw(w, ",");
    w_key(w, "file");
    w_str(w, file);
    w_fmt(w, ",\"line\":%d}", r->line);
    break;
  }
  const char *registration, *slot;
  if (rtcheck_autoscope_origin(r0->name, &registration, &slot)) {
    w_raw(w, ",\"registration\":{\"function\":");
    w_str(w, registration);
    w_raw(w, ",\"slot\":");
    w_str(w, slot);
    w_raw(w, "}");
  }
  w_fmt(w, ",\"thread_count\":%u,\"calls\":%llu,\"budget_ns\":%llu,", threads,
        (unsigned long long)calls, (unsigned long long)budget);
  static const double qs[] = {0.5, 0.9, 0.99, 0.999};
  static const char *const qn[] = {"p50", "p90", "p99", "p999"};
  w_fmt(w, "\"latency_ns\":{\"min\":%llu,\"mean\":%llu,\"max\":%llu", (unsigned long long)min,
        (unsigned long long)(calls ? sum / calls : 0), (unsigned long long)max);
  uint64_t hist_total = 0;
  for (unsigned b = 0; b < RTCHECK_HIST_BUCKETS; b++)
    hist_total += merged_hist[b];
  for (int q = 0; q < 4; q++)
    w_fmt(w, ",\"%s\":%llu", qn[q],
          (unsigned long long)rtcheck_hist_quantile(merged_hist, hist_total, qs[q], min, max));
  w_fmt(w, "},\"deadline_misses\":%llu,", (unsigned long long)misses);
  uint64_t pmean = periods ? psum / periods : 0;
  if (periods == 0)
    pmin = 0;
  uint64_t jitter = periods ? (pmax - pmean > pmean - pmin ? pmax - pmean : pmean - pmin) : 0;
  w_fmt(
      w,
      "\"period_ns\":{\"count\":%llu,\"mean\":%llu,\"min\":%llu,\"max\":%llu,\"jitter_max\":%llu},",
      (unsigned long long)periods, (unsigned long long)pmean, (unsigned long long)pmin,
      (unsigned long long)pmax, (unsigned long long)jitter);
  w_raw(w, "\"violations\":{");
  for (int c = 0; c < RTCHECK_CAT_COUNT; c++)
    w_fmt(w, "%s\"%s\":%llu", c ? "," : "", rtcheck_category_names[c], (unsigned long long)viol[c]);
  w_fmt(w, "},\"suppressed\":%llu,", (unsigned long long)suppressed);
  if (rtcheck_g.options.page_faults)
    w_fmt(w, "\"page_faults\":{\"minor\":%llu,\"major\":%llu},", (unsigned long long)minflt,
          (unsigned long long)majflt);
  w_raw(w, "\"by_function\":{");
  int any = 0;
  for (int f = 0; f < RTCHECK_FN_COUNT; f++) {
    if (!merged_fn[f])
      continue;
    w_raw(w, any++ ? "," : "");
    w_key(w, rtcheck_fn_names[f]);
    w_fmt(w, "%llu", (unsigned long long)merged_fn[f]);
  }
  w_raw(w, "}}");
}

static void write_report(writer *w) {
  char program[RTCHECK_PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", program, sizeof program - 1);
  program[n > 0 ? n : 0] = 0;
  w_fmt(w, "{\"version\":1,\"tool\":\"rtcheck-runtime\",\"pid\":%d,\"forked\":%s,\"image_seq\":%d,",
        rtcheck_proc.pid, rtcheck_proc.forked ? "true" : "false", rtcheck_proc.image_seq);
  w_key(w, "program");
  w_str(w, program);
  w_raw(w, ",\"clock\":");
  w_str(w, rtcheck_clock_name());
  w_raw(w, ",\"options\":{");
  int any = 0;
  w->echo_first = 1;
  rtcheck_options_echo(&rtcheck_g.options, echo_option, w);
  w_raw(w, "},\"scopes\":[");
  uint32_t count = __atomic_load_n(&rtcheck_g.record_count, __ATOMIC_ACQUIRE);
  if (count > RTCHECK_MAX_RECORDS)
    count = RTCHECK_MAX_RECORDS;
  any = 0;
  for (uint32_t i = 0; i < count; i++) {
    const rtcheck_record *r = &rtcheck_g.records[i];
    if (!__atomic_load_n(&r->in_use, __ATOMIC_ACQUIRE))
      continue;
    int earlier = 0;
    for (uint32_t j = 0; j < i && !earlier; j++)
      earlier = __atomic_load_n(&rtcheck_g.records[j].in_use, __ATOMIC_ACQUIRE) &&
                strcmp(rtcheck_g.records[j].name, r->name) == 0;
    if (earlier)
      continue;
    w_raw(w, any++ ? "," : "");
    write_scope(w, i, count);
  }
  w_raw(w, "],\"sites\":[");
  any = 0;
  for (unsigned i = 0; i < RTCHECK_SITES_CAPACITY; i++) {
    const rtcheck_site *s = &rtcheck_g.sites[i];
    if (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) != 2)
      continue;
    w_raw(w, any++ ? ",{" : "{");
    w_key(w, "function");
    w_str(w, rtcheck_fn_names[s->fn]);
    w_fmt(w, ",\"category\":\"%s\",", rtcheck_category_names[rtcheck_fn_category[s->fn]]);
    w_key(w, "scope");
    w_str(w, s->scope);
    if (__atomic_load_n(&s->stack_ready, __ATOMIC_ACQUIRE) && s->suppressed_by >= 0) {
      w_raw(w, ",\"suppressed_by\":");
      w_str(w, rtcheck_suppression_rule(s->suppressed_by));
    }
    w_fmt(w, ",\"count\":%llu,\"stack\":[",
          (unsigned long long)__atomic_load_n(&s->count, __ATOMIC_RELAXED));
    if (__atomic_load_n(&s->stack_ready, __ATOMIC_ACQUIRE)) {
      int shown = 0;
      for (int f = 0; f < s->depth; f++) {
        char frame[400];
        if (!rtcheck_stack_format(s->stack[f], frame, sizeof frame))
          continue;
        w_raw(w, shown++ ? "," : "");
        w_str(w, frame);
      }
    }
    w_raw(w, "]}");
  }
  w_raw(w, "],\"suppressions\":[");
  for (int i = 0; i < rtcheck_suppression_count(); i++) {
    w_raw(w, i ? ",{" : "{");
    w_key(w, "rule");
    w_str(w, rtcheck_suppression_rule(i));
    w_raw(w, ",");
    w_key(w, "reason");
    w_str(w, rtcheck_suppression_reason(i));
    w_fmt(w, ",\"count\":%llu}", (unsigned long long)rtcheck_suppression_hits(i));
  }
  w_fmt(w, "],\"dropped\":{\"records\":%llu,\"sites\":%llu,\"depth_overflow\":%llu}}\n",
        (unsigned long long)rtcheck_g.records_dropped, (unsigned long long)rtcheck_g.sites_dropped,
        (unsigned long long)rtcheck_g.depth_overflow);
  w_flush(w);
}

/* Where and how the report at `path` is written (issue #14: a rename over the name would replace a
 * device node, a FIFO or a symbolic link). A symbolic link is followed to the file it names, which
 * `path` then holds. Returns 1 when the report can be written atomically (a temporary file renamed
 * over `path`: a regular file, or no file yet), 0 when it must be written in place. */
static int resolve_target(char *path, size_t len) {
  struct stat st;
  if (lstat(path, &st) != 0)
    return 1;
  if (S_ISLNK(st.st_mode)) {
    char real[PATH_MAX];
    if (!realpath(path, real) || strlen(real) >= len)
      return 0; /* dangling: opening the link creates the file it names */
    memcpy(path, real, strlen(real) + 1);
    if (stat(path, &st) != 0)
      return 1;
  }
  return S_ISREG(st.st_mode);
}

static writer report_writer;
static int report_warned;

void rtcheck_report_write(void) {
  char path[RTCHECK_PATH_MAX + 64], tmp[RTCHECK_PATH_MAX + 96];
  rtcheck_thread.guard++;
  int saved_errno = errno;
  /* One writer at a time (exit, exec and trap can race in different threads); not a hot path. */
  while (__atomic_exchange_n(&rtcheck_g.report_busy, 1, __ATOMIC_ACQUIRE))
    sched_yield();
  if (!rtcheck_report_path(path, sizeof path))
    goto out;
  writer *w = &report_writer;
  w->failed = 0;
  w->pos = 0;
  if (!resolve_target(path, sizeof path)) {
    /* A FIFO, a device or a dangling link: written in place (O_NONBLOCK: a FIFO without a reader
     * fails with ENXIO instead of hanging the program's exit). */
    w->fd = open(path, O_WRONLY | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0644);
    if (w->fd < 0) {
      w->failed = errno;
    } else {
      fcntl(w->fd, F_SETFL, fcntl(w->fd, F_GETFL) & ~O_NONBLOCK);
      write_report(w);
      if (close(w->fd) != 0 && !w->failed)
        w->failed = errno;
    }
  } else {
    snprintf(tmp, sizeof tmp, "%s.tmp.%d", path, rtcheck_proc.pid);
    w->fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (w->fd < 0) {
      w->failed = errno;
    } else {
      write_report(w);
      if (close(w->fd) != 0 && !w->failed)
        w->failed = errno;
      if (!w->failed && rename(tmp, path) != 0)
        w->failed = errno;
      if (w->failed)
        unlink(tmp);
    }
  }
  if (w->failed && !report_warned) {
    report_warned = 1;
    rtcheck_warn("cannot write report '%s': %s", path, strerror(w->failed));
  }
out:
  __atomic_store_n(&rtcheck_g.report_busy, 0, __ATOMIC_RELEASE);
  errno = saved_errno;
  rtcheck_thread.guard--;
}
