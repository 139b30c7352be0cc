/* Suppressions (suppressions=FILE), like the sanitizers' files, each with a reason:
 *
 *   interceptor:pthread_mutex_lock   # the meter's mutex is never contended (measured)
 *   frame:_ZN6Logger*                # logging goes to a preallocated ring
 *   module:libasound.so*             # ALSA's plugin layer, accepted for now
 *   scope:ui.*                       # the UI thread has no deadline
 *
 * A covered call is counted as `suppressed` (per scope, and per suppression), never dropped. The
 * file is read once at start-up into fixed tables; matching does not allocate. Format and rules:
 * docs/runtime.md#suppressions. */
#include "rtcheck_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define MAX_SUPPRESSIONS 64
#define TEXT_MAX 256

enum { KIND_INTERCEPTOR, KIND_FRAME, KIND_MODULE, KIND_SCOPE };
static const char *const kind_names[] = {"interceptor", "frame", "module", "scope"};

typedef struct suppression {
  int kind;
  char rule[TEXT_MAX]; /* "kind:pattern" as written */
  const char *pattern; /* points into rule */
  char reason[TEXT_MAX];
  uint64_t hits;
} suppression;

static suppression table[MAX_SUPPRESSIONS];
int rtcheck_suppressions_loaded;
static int need_stack;

int rtcheck_suppressions_need_stack(void) { return need_stack; }
int rtcheck_suppression_count(void) { return rtcheck_suppressions_loaded; }
const char *rtcheck_suppression_rule(int i) { return table[i].rule; }
const char *rtcheck_suppression_reason(int i) { return table[i].reason; }
uint64_t rtcheck_suppression_hits(int i) {
  return __atomic_load_n(&table[i].hits, __ATOMIC_RELAXED);
}
void rtcheck_suppression_hit(int i) { __atomic_fetch_add(&table[i].hits, 1, __ATOMIC_RELAXED); }
void rtcheck_suppressions_reset_counts(void) {
  for (int i = 0; i < rtcheck_suppressions_loaded; i++)
    table[i].hits = 0;
}

/* `*` matches any run of characters, `?` one character. */
static int glob_match(const char *p, const char *s) {
  const char *star = 0, *resume = 0;
  while (*s) {
    if (*p == '*') {
      star = p++;
      resume = s;
    } else if (*p == '?' || *p == *s) {
      p++;
      s++;
    } else if (star) {
      p = star + 1;
      s = ++resume;
    } else {
      return 0;
    }
  }
  while (*p == '*')
    p++;
  return *p == 0;
}

static size_t trim(const char **s, size_t n) {
  while (n && (**s == ' ' || **s == '\t')) {
    (*s)++;
    n--;
  }
  while (n && ((*s)[n - 1] == ' ' || (*s)[n - 1] == '\t' || (*s)[n - 1] == '\r'))
    n--;
  return n;
}

/* Parses one line; 0 when it is blank or a comment, 1 when added, -1 when malformed. */
static int parse_line(const char *line, size_t n) {
  n = trim(&line, n);
  if (n == 0 || line[0] == '#')
    return 0;
  const char *hash = memchr(line, '#', n);
  const char *colon = memchr(line, ':', n);
  if (!hash || !colon || colon > hash)
    return -1;
  const char *reason = hash + 1;
  size_t rn = trim(&reason, n - (size_t)(reason - line));
  const char *rule = line;
  size_t kn = trim(&rule, (size_t)(hash - line));
  int kind = -1;
  for (int k = 0; k < 4; k++)
    if ((size_t)(colon - line) == strlen(kind_names[k]) &&
        memcmp(line, kind_names[k], strlen(kind_names[k])) == 0)
      kind = k;
  if (kind < 0 || rn == 0 || kn <= (size_t)(colon - line) + 1 || kn >= TEXT_MAX || rn >= TEXT_MAX)
    return -1;
  if (rtcheck_suppressions_loaded == MAX_SUPPRESSIONS)
    return -2;
  suppression *s = &table[rtcheck_suppressions_loaded++];
  s->kind = kind;
  memcpy(s->rule, rule, kn);
  s->rule[kn] = 0;
  s->pattern = s->rule + (colon - line) + 1;
  memcpy(s->reason, reason, rn);
  s->reason[rn] = 0;
  need_stack |= kind == KIND_FRAME || kind == KIND_MODULE;
  return 1;
}

static char file_text[64 * 1024];

void rtcheck_suppressions_load(const char *path) {
  if (!path || !path[0])
    return;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    rtcheck_warn("cannot read suppressions file '%s': %s; no suppression applies", path,
                 strerror(errno));
    return;
  }
  size_t len = 0;
  for (;;) {
    ssize_t r = read(fd, file_text + len, sizeof file_text - 1 - len);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      break;
    len += (size_t)r;
  }
  close(fd);
  file_text[len] = 0;
  int lineno = 0;
  for (const char *p = file_text; p < file_text + len;) {
    const char *end = memchr(p, '\n', (size_t)(file_text + len - p));
    size_t n = end ? (size_t)(end - p) : (size_t)(file_text + len - p);
    lineno++;
    int r = parse_line(p, n);
    if (r == -1)
      rtcheck_warn("suppressions file '%s' line %d: expected 'kind:pattern # reason' (kinds "
                   "interceptor, frame, module, scope); line ignored",
                   path, lineno);
    else if (r == -2)
      rtcheck_warn("suppressions file '%s' line %d: more than %d suppressions; line ignored", path,
                   lineno, MAX_SUPPRESSIONS);
    p += n + 1;
  }
}

/* The symbol and module of a formatted frame ("0x.. in SYM+0x.. (MODULE+0x..)"). */
static void split_frame(const char *frame, char *sym, char *module, size_t len) {
  sym[0] = module[0] = 0;
  const char *in = strstr(frame, " in ");
  const char *paren = strrchr(frame, '(');
  if (in && paren && paren > in) {
    const char *start = in + 4, *plus = paren;
    for (const char *q = start; q < paren; q++)
      if (q[0] == '+' && q[1] == '0' && q[2] == 'x')
        plus = q;
    size_t n = (size_t)(plus - start);
    if (n >= len)
      n = len - 1;
    memcpy(sym, start, n);
    sym[n] = 0;
  }
  if (paren) {
    const char *start = paren + 1, *plus = strrchr(start, '+');
    size_t n = plus ? (size_t)(plus - start) : strlen(start);
    if (n >= len)
      n = len - 1;
    memcpy(module, start, n);
    module[n] = 0;
  }
}

int rtcheck_suppression_match(int fn, const char *const *scopes, unsigned n, void *const *stack,
                              int depth) {
  for (int i = 0; i < rtcheck_suppressions_loaded; i++) {
    const suppression *s = &table[i];
    if (s->kind == KIND_INTERCEPTOR && glob_match(s->pattern, rtcheck_fn_names[fn]))
      return i;
    if (s->kind == KIND_SCOPE)
      for (unsigned k = 0; k < n; k++)
        if (glob_match(s->pattern, scopes[k]))
          return i;
  }
  if (!need_stack)
    return -1;
  for (int f = 0; f < depth; f++) {
    char frame[512], sym[256], module[256];
    if (!rtcheck_stack_format(stack[f], frame, sizeof frame))
      continue; /* the shim's own frames */
    split_frame(frame, sym, module, sizeof sym);
    const char *base = strrchr(module, '/');
    base = base ? base + 1 : module;
    char readable[RTCHECK_STACK_SYMBOL_MAX];
    const char *demangled = 0; /* this frame demangled, once a frame: line needs it */
    for (int i = 0; i < rtcheck_suppressions_loaded; i++) {
      const suppression *s = &table[i];
      if (s->kind == KIND_FRAME && sym[0] && !demangled)
        demangled = rtcheck_demangle(sym, readable, sizeof readable);
      if ((s->kind == KIND_FRAME && sym[0] &&
           (glob_match(s->pattern, sym) || glob_match(s->pattern, demangled))) ||
          (s->kind == KIND_MODULE && module[0] &&
           (glob_match(s->pattern, base) || glob_match(s->pattern, module))))
        return i;
    }
  }
  return -1;
}
