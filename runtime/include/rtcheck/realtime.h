/*
 * rtcheck/realtime.h - mark real-time code for the rtcheck analyzer and runtime shim.
 *
 * One header serves both enforcers:
 *   - the static analyzer reads RTCHECK_REALTIME / RTCHECK_TRUSTED (clang `annotate` attributes;
 *     they expand to nothing on other compilers, so GCC builds are unaffected);
 *   - the runtime shim (librtcheck_rt.so, loaded with LD_PRELOAD or `rtcheck run`) implements
 *     rtcheck_scope_begin / rtcheck_scope_end. They are declared weak: without the shim their
 *     address is null, the macros below skip the call, and the program runs unchanged.
 *
 * Usage (C):
 *     RTCHECK_REALTIME(audio) int process(float *out, int frames) {
 *         RTCHECK_SCOPE_BEGIN("audio.process", 2666666);  // budget in nanoseconds
 *         ...
 *         RTCHECK_SCOPE_END();
 *     }
 * Usage (C++):
 *     RTCHECK_REALTIME(audio) void process(...) { RTCHECK_SCOPE("audio.process", 2666666); ... }
 *
 * Source suppressions for the analyzer: `// rtcheck-allow(alloc,lock): reason` on the line of the
 * finding, or alone on the line above it.
 *
 * Real-time safety of everything declared here: wait-free (with or without the shim).
 */
#ifndef RTCHECK_REALTIME_H
#define RTCHECK_REALTIME_H

#include <stdint.h>

/* --- Analyzer annotations ------------------------------------------------------------------ */

#if defined(__clang__)
/* Marks a real-time entry point. `context` names the profile findings are judged by: audio,
 * camera, firmware-task, firmware-isr, or one of your own. `_` reads as `-` and spaces are
 * ignored, so firmware_isr and a reformatted `firmware - isr` are the same context. */
#define RTCHECK_REALTIME(context) __attribute__((annotate("rtcheck.realtime:" #context)))
/* Marks a vetted function (e.g. a lock-free queue operation) that the analyzer treats as safe
 * without looking inside. The reason is kept as evidence in the report. */
#define RTCHECK_TRUSTED(reason) __attribute__((annotate("rtcheck.trusted:" reason)))
#else
#define RTCHECK_REALTIME(context)
#define RTCHECK_TRUSTED(reason)
#endif

/* --- Runtime scopes ------------------------------------------------------------------------ */

#if defined(__GNUC__) || defined(__clang__)
#define RTCHECK_WEAK_IMPORT __attribute__((weak))
#else
#define RTCHECK_WEAK_IMPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Opens a real-time scope on the calling thread. `name` identifies the callback in reports and
 * must outlive the process (a string literal). `budget_ns` is the deadline; 0 uses the shim's
 * default budget. Scopes nest; only the outermost one is timed against its budget.
 * Implemented by the shim; null when the shim is not loaded, so call it through the macros. */
RTCHECK_TRUSTED("rtcheck runtime: wait-free scope marker")
void rtcheck_scope_begin(const char *name, uint64_t budget_ns) RTCHECK_WEAK_IMPORT;

/* rtcheck_scope_begin that also names the source of the scope: the enclosing function, file and
 * line (what RTCHECK_SCOPE passes), recorded once per scope in the report so that a report can
 * join the scope to the function the static analyzer knows. The strings must outlive the process
 * (`__func__`, `__FILE__`). Implemented by the shim; null when it is not loaded. */
RTCHECK_TRUSTED("rtcheck runtime: wait-free scope marker")
void rtcheck_scope_begin_at(const char *name, uint64_t budget_ns, const char *function,
                            const char *file, int line) RTCHECK_WEAK_IMPORT;

/* Closes the innermost scope opened on the calling thread. */
RTCHECK_TRUSTED("rtcheck runtime: wait-free scope marker")
void rtcheck_scope_end(void) RTCHECK_WEAK_IMPORT;

#ifdef __cplusplus
}
#endif

/* Null-checked entry points: a weak function that no library defines has address 0. A shim
 * older than rtcheck_scope_begin_at still gets the scope, without its source. */
#define RTCHECK_SCOPE_BEGIN(name, budget_ns)                                                     \
  do {                                                                                           \
    if (rtcheck_scope_begin_at)                                                                  \
      rtcheck_scope_begin_at((name), (uint64_t)(budget_ns), __func__, __FILE__, __LINE__);      \
    else if (rtcheck_scope_begin)                                                                \
      rtcheck_scope_begin((name), (uint64_t)(budget_ns));                                        \
  } while (0)

#define RTCHECK_SCOPE_END()                                                                      \
  do {                                                                                           \
    if (rtcheck_scope_end)                                                                       \
      rtcheck_scope_end();                                                                       \
  } while (0)

#ifdef __cplusplus
namespace rtcheck {

/* RAII scope: begins on construction, ends on destruction. Real-time safety: wait-free. */
class ScopeGuard {
public:
  RTCHECK_TRUSTED("rtcheck runtime: wait-free scope marker")
  ScopeGuard(const char *name, uint64_t budget_ns, const char *function = nullptr,
             const char *file = nullptr, int line = 0) noexcept {
    if (rtcheck_scope_begin_at)
      rtcheck_scope_begin_at(name, budget_ns, function, file, line);
    else if (rtcheck_scope_begin)
      rtcheck_scope_begin(name, budget_ns);
  }
  RTCHECK_TRUSTED("rtcheck runtime: wait-free scope marker")
  ~ScopeGuard() {
    if (rtcheck_scope_end)
      rtcheck_scope_end();
  }
  ScopeGuard(const ScopeGuard &) = delete;
  ScopeGuard &operator=(const ScopeGuard &) = delete;
};

} // namespace rtcheck

#define RTCHECK_CONCAT_INNER(a, b) a##b
#define RTCHECK_CONCAT(a, b) RTCHECK_CONCAT_INNER(a, b)
#define RTCHECK_SCOPE(name, budget_ns)                                                           \
  ::rtcheck::ScopeGuard RTCHECK_CONCAT(rtcheck_scope_guard_, __LINE__)((name), (budget_ns), __func__,   \
                                                                __FILE__, __LINE__)
#endif /* __cplusplus */

#endif /* RTCHECK_REALTIME_H */
