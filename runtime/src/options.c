/* RTCHECK_OPTIONS parser: colon-separated key=value pairs, like ASAN_OPTIONS. Runs once at
 * start-up; no allocation (fixed buffers), so it is safe before main. The keys are listed once,
 * below. */
#include "rtcheck_internal.h"

#include <string.h>

const char *const rtcheck_category_names[RTCHECK_CAT_COUNT] = {
#define RTCHECK_RUNTIME_CATEGORY(id, name) name,
    RTCHECK_RUNTIME_CATEGORIES
#undef RTCHECK_RUNTIME_CATEGORY
};

void rtcheck_options_default(rtcheck_options *o) {
  memset(o, 0, sizeof *o);
  o->mode = RTCHECK_MODE_COUNT;
  o->max_sites = 64;
}

static int set_error(char *err, size_t errlen, const char *what, const char *entry, size_t n) {
  if (err && errlen) {
    size_t w = strlen(what);
    size_t pos = 0;
    for (size_t i = 0; i < w && pos + 1 < errlen; i++)
      err[pos++] = what[i];
    const char *sep = " in '";
    for (size_t i = 0; sep[i] && pos + 1 < errlen; i++)
      err[pos++] = sep[i];
    for (size_t i = 0; i < n && pos + 1 < errlen; i++)
      err[pos++] = entry[i];
    if (pos + 1 < errlen)
      err[pos++] = '\'';
    err[pos] = 0;
  }
  return -1;
}

static int parse_u64(const char *s, size_t n, uint64_t *out) {
  if (n == 0 || n > 19)
    return -1;
  uint64_t v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    v = v * 10 + (uint64_t)(s[i] - '0');
  }
  *out = v;
  return 0;
}

static int eq(const char *s, size_t n, const char *lit) {
  return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

static int parse_categories(const char *s, size_t n, unsigned *mask) {
  unsigned m = 0;
  size_t i = 0;
  while (i <= n) {
    size_t j = i;
    while (j < n && s[j] != ',')
      j++;
    if (j > i) {
      int found = 0;
      for (int c = 0; c < RTCHECK_CAT_COUNT; c++)
        if (eq(s + i, j - i, rtcheck_category_names[c])) {
          m |= 1u << c;
          found = 1;
        }
      if (!found)
        return -1;
    }
    i = j + 1;
  }
  *mask = m;
  return 0;
}

static void note_unknown(char *unknown, size_t len, const char *key, size_t n) {
  if (!unknown || !len)
    return;
  size_t have = strlen(unknown);
  /* Each distinct key once. */
  for (const char *p = unknown; *p;) {
    const char *e = strchr(p, ',');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    if (l == n && memcmp(p, key, n) == 0)
      return;
    p += l + (e ? 1 : 0);
  }
  size_t need = n + (have ? 1 : 0);
  if (have + need + 1 > len)
    return;
  if (have)
    unknown[have++] = ',';
  memcpy(unknown + have, key, n);
  unknown[have + n] = 0;
}

int rtcheck_options_parse(const char *text, rtcheck_options *o, char *err, size_t errlen,
                          char *unknown, size_t unknownlen) {
  rtcheck_options_default(o);
  if (err && errlen)
    err[0] = 0;
  if (unknown && unknownlen)
    unknown[0] = 0;
  if (!text)
    return 0;
  rtcheck_options r;
  rtcheck_options_default(&r);
  const char *p = text;
  while (*p) {
    const char *end = strchr(p, ':');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n > 0) {
      const char *eqs = memchr(p, '=', n);
      if (!eqs || eqs == p)
        return set_error(err, errlen, "expected key=value", p, n);
      size_t kn = (size_t)(eqs - p);
      const char *v = eqs + 1;
      size_t vn = n - kn - 1;
      uint64_t num;
      if (eq(p, kn, "mode")) {
        if (eq(v, vn, "count"))
          r.mode = RTCHECK_MODE_COUNT;
        else if (eq(v, vn, "trap"))
          r.mode = RTCHECK_MODE_TRAP;
        else if (eq(v, vn, "log"))
          r.mode = RTCHECK_MODE_LOG;
        else
          return set_error(err, errlen, "mode must be count, trap or log", p, n);
      } else if (eq(p, kn, "report")) {
        if (vn >= sizeof r.report)
          return set_error(err, errlen, "report path too long", p, n);
        memcpy(r.report, v, vn);
        r.report[vn] = 0;
      } else if (eq(p, kn, "max_sites")) {
        if (parse_u64(v, vn, &num) || num > RTCHECK_SITES_CAPACITY)
          return set_error(err, errlen, "max_sites must be an integer from 0 to 1024", p, n);
        r.max_sites = (unsigned)num;
      } else if (eq(p, kn, "default_budget_ns")) {
        if (parse_u64(v, vn, &num))
          return set_error(err, errlen, "default_budget_ns must be a non-negative integer", p, n);
        r.default_budget_ns = num;
      } else if (eq(p, kn, "ignore")) {
        if (parse_categories(v, vn, &r.ignore_mask))
          return set_error(err, errlen, "ignore takes categories " RTCHECK_RUNTIME_CATEGORY_LIST, p, n);
      } else if (eq(p, kn, "print_interceptors")) {
        if (!eq(v, vn, "0") && !eq(v, vn, "1"))
          return set_error(err, errlen, "print_interceptors must be 0 or 1", p, n);
        r.print_interceptors = v[0] == '1';
      } else {
        note_unknown(unknown, unknownlen, p, kn);
      }
    }
    if (!end)
      break;
    p = end + 1;
  }
  *o = r;
  return 0;
}
