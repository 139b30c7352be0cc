/* RTCHECK_OPTIONS parser: colon-separated key=value pairs, like ASAN_OPTIONS. The keys, their
 * defaults and docs are listed once, in runtime/options.def; this file gives each kind its parser
 * and its JSON echo. Runs once at start-up; no allocation (fixed buffers), so it is safe before
 * main. */
#include "rtcheck_internal.h"

#include <stdio.h>
#include <string.h>

const char *const rtcheck_category_names[RTCHECK_CAT_COUNT] = {
#define RTCHECK_RUNTIME_CATEGORY(id, name) name,
    RTCHECK_RUNTIME_CATEGORIES
#undef RTCHECK_RUNTIME_CATEGORY
};

static int eq(const char *s, size_t n, const char *lit) {
  return strlen(lit) == n && memcmp(s, lit, n) == 0;
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

/* --- One parser and one echo per kind -------------------------------------------------------- */

static const char *const mode_names[] = {"count", "trap", "log"};
static const char *const clock_names[] = {"tsc", "monotonic"};

static int parse_enum(const char *v, size_t n, const char *const *names, int count, int *out) {
  for (int i = 0; i < count; i++)
    if (eq(v, n, names[i])) {
      *out = i;
      return 0;
    }
  return -1;
}

static int parse_MODE(const char *v, size_t n, int *out) {
  return parse_enum(v, n, mode_names, 3, out);
}
static int parse_CLOCK(const char *v, size_t n, int *out) {
  return parse_enum(v, n, clock_names, 2, out);
}
static int parse_PATH(const char *v, size_t n, char *out) {
  if (n >= RTCHECK_PATH_MAX)
    return -1;
  memcpy(out, v, n);
  out[n] = 0;
  return 0;
}
static int parse_SITES(const char *v, size_t n, unsigned *out) {
  uint64_t x;
  if (parse_u64(v, n, &x) || x > RTCHECK_SITES_CAPACITY)
    return -1;
  *out = (unsigned)x;
  return 0;
}
static int parse_U64(const char *v, size_t n, uint64_t *out) { return parse_u64(v, n, out); }
static int parse_STATUS(const char *v, size_t n, int *out) {
  uint64_t x;
  if (parse_u64(v, n, &x) || x > 255)
    return -1;
  *out = (int)x;
  return 0;
}
static int parse_BOOL(const char *v, size_t n, int *out) {
  if (!eq(v, n, "0") && !eq(v, n, "1"))
    return -1;
  *out = v[0] == '1';
  return 0;
}
static int parse_CATEGORIES(const char *s, size_t n, unsigned *mask) {
  unsigned m = 0;
  size_t i = 0;
  while (i <= n) {
    size_t j = i;
    while (j < n && s[j] != ',')
      j++;
    if (j > i) {
      int c;
      if (parse_enum(s + i, j - i, rtcheck_category_names, RTCHECK_CAT_COUNT, &c))
        return -1;
      m |= 1u << c;
    }
    i = j + 1;
  }
  *mask = m;
  return 0;
}

static const char *const kind_expects[] = {
    [RTCHECK_OPTKIND_MODE] = "count, trap or log",
    [RTCHECK_OPTKIND_PATH] = "a path shorter than 1024 bytes",
    [RTCHECK_OPTKIND_SITES] = "an integer from 0 to 1024",
    [RTCHECK_OPTKIND_U64] = "a non-negative integer",
    [RTCHECK_OPTKIND_CATEGORIES] = "categories " RTCHECK_RUNTIME_CATEGORY_LIST,
    [RTCHECK_OPTKIND_BOOL] = "0 or 1",
    [RTCHECK_OPTKIND_STATUS] = "an integer from 0 to 255",
    [RTCHECK_OPTKIND_CLOCK] = "tsc or monotonic",
};

/* Renders option `key` of `o` as JSON text; `quoted`: the text is a string to escape. */
static void echo_value(const rtcheck_options *o, int key, char *buf, size_t len, int *quoted) {
  *quoted = 0;
  switch (key) {
#define RTCHECK_OPTION(kind, name, def, doc)                                                       \
  case RTCHECK_OPT_##name:                                                                         \
    RTCHECK_OPT_ECHO_##kind(o->name);                                                              \
    return;
#define RTCHECK_OPT_ECHO_MODE(v) (snprintf(buf, len, "%s", mode_names[v]), *quoted = 1)
#define RTCHECK_OPT_ECHO_CLOCK(v) (snprintf(buf, len, "%s", clock_names[v]), *quoted = 1)
#define RTCHECK_OPT_ECHO_PATH(v) (snprintf(buf, len, "%s", v), *quoted = 1)
#define RTCHECK_OPT_ECHO_SITES(v) snprintf(buf, len, "%u", v)
#define RTCHECK_OPT_ECHO_U64(v) snprintf(buf, len, "%llu", (unsigned long long)(v))
#define RTCHECK_OPT_ECHO_STATUS(v) snprintf(buf, len, "%d", v)
#define RTCHECK_OPT_ECHO_BOOL(v) snprintf(buf, len, "%s", (v) ? "true" : "false")
#define RTCHECK_OPT_ECHO_CATEGORIES(v)                                                             \
  do {                                                                                             \
    size_t pos = (size_t)snprintf(buf, len, "[");                                                  \
    for (int c = 0; c < RTCHECK_CAT_COUNT; c++)                                                    \
      if ((v) & (1u << c))                                                                         \
        pos += (size_t)snprintf(buf + pos, len - pos, "%s\"%s\"", pos > 1 ? "," : "",              \
                                rtcheck_category_names[c]);                                        \
    snprintf(buf + pos, len - pos, "]");                                                           \
  } while (0)
#include "options.def"
#undef RTCHECK_OPTION
  default:
    buf[0] = 0;
  }
}

void rtcheck_options_echo(const rtcheck_options *o,
                          void (*emit)(void *ctx, const char *key, const char *value, int quoted),
                          void *ctx) {
  static const char *const keys[] = {
#define RTCHECK_OPTION(kind, name, def, doc) #name,
#include "options.def"
#undef RTCHECK_OPTION
  };
  char buf[RTCHECK_PATH_MAX + 64];
  for (int k = 0; k < RTCHECK_OPT_COUNT; k++) {
    int quoted;
    echo_value(o, k, buf, sizeof buf, &quoted);
    emit(ctx, keys[k], buf, quoted);
  }
}

/* Sets option `key` of `o` from `v`. Returns 0; -1 when the value is malformed (`o` unchanged);
 * 1 when the key is unknown. `*kind` is the option's kind. */
static int set_option(rtcheck_options *o, const char *key, size_t kn, const char *v, size_t vn,
                      int *kind) {
#define RTCHECK_OPTION(k, name, def, doc)                                                          \
  if (eq(key, kn, #name)) {                                                                        \
    *kind = RTCHECK_OPTKIND_##k;                                                                   \
    return parse_##k(v, vn, RTCHECK_OPT_REF_##k(o->name));                                         \
  }
#include "options.def"
#undef RTCHECK_OPTION
  *kind = -1;
  return 1;
}

void rtcheck_options_default(rtcheck_options *o) {
  memset(o, 0, sizeof *o);
  int kind;
#define RTCHECK_OPTION(k, name, def, doc)                                                          \
  set_option(o, #name, strlen(#name), def, strlen(def), &kind);
#include "options.def"
#undef RTCHECK_OPTION
}

/* Appends `s` (n bytes) to the NUL-terminated `buf` of size `len`, truncating. */
static void append(char *buf, size_t len, const char *s, size_t n) {
  if (!buf || !len)
    return;
  size_t have = strlen(buf);
  while (n-- > 0 && have + 1 < len)
    buf[have++] = *s++;
  buf[have] = 0;
}

static void note_malformed(char *err, size_t len, const char *entry, size_t n, int kind) {
  if (err && len && err[0])
    append(err, len, "; ", 2);
  append(err, len, "'", 1);
  append(err, len, entry, n);
  const char *expects = kind >= 0 ? kind_expects[kind] : "key=value";
  append(err, len, "': expected ", 12);
  append(err, len, expects, strlen(expects));
}

static void note_unknown(char *unknown, size_t len, const char *key, size_t n) {
  if (!unknown || !len)
    return;
  /* Each distinct key once. */
  for (const char *p = unknown; *p;) {
    const char *e = strchr(p, ',');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    if (l == n && memcmp(p, key, n) == 0)
      return;
    p += l + (e ? 1 : 0);
  }
  size_t have = strlen(unknown);
  if (have + n + (have ? 1 : 0) + 1 > len)
    return;
  if (have)
    append(unknown, len, ",", 1);
  append(unknown, len, key, n);
}

int rtcheck_options_parse(const char *text, rtcheck_options *o, char *err, size_t errlen,
                          char *unknown, size_t unknownlen) {
  rtcheck_options_default(o);
  if (err && errlen)
    err[0] = 0;
  if (unknown && unknownlen)
    unknown[0] = 0;
  int malformed = 0;
  for (const char *p = text; p && *p;) {
    const char *end = strchr(p, ':');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n > 0) {
      const char *eqs = memchr(p, '=', n);
      int kind = -1;
      if (!eqs || eqs == p) {
        note_malformed(err, errlen, p, n, -1);
        malformed = 1;
      } else {
        size_t kn = (size_t)(eqs - p);
        int r = set_option(o, p, kn, eqs + 1, n - kn - 1, &kind);
        if (r < 0) {
          note_malformed(err, errlen, p, n, kind);
          malformed = 1;
        } else if (r > 0) {
          note_unknown(unknown, unknownlen, p, kn);
        }
      }
    }
    if (!end)
      break;
    p = end + 1;
  }
  return malformed ? -1 : 0;
}
