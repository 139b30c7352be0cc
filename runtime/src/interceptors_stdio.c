/* More stdio interceptors: the scanf family (the __isoc99_ names C99 and later programs are
 * compiled to), the buffer refill and flush entry points that the inline getc_unlocked and
 * putc_unlocked of <bits/stdio.h> call, stream locks and state, the warn family, and the
 * _FORTIFY_SOURCE variants not in interceptors_syscall.c (categories from rules/libc.json). */
#include "interceptor.h"

#include <err.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <syslog.h>
#include <unistd.h>
#include <wchar.h>

/* --- scanf: the variadic forms count as themselves and parse through the real v* function ------
 * <stdio.h> may rename scanf, fscanf, vscanf and vfscanf to their __isoc99_ forms (asm labels, as
 * C99 programs are compiled); the plain names, which older programs call, are defined here under
 * their own symbol names. */
int __isoc99_scanf(const char *fmt, ...);
int __isoc99_fscanf(FILE *f, const char *fmt, ...);
int __isoc99_vscanf(const char *fmt, va_list ap);
int __isoc99_vfscanf(FILE *f, const char *fmt, va_list ap);
int rtcheck_plain_scanf(const char *fmt, ...) __asm__("scanf");
int rtcheck_plain_fscanf(FILE *f, const char *fmt, ...) __asm__("fscanf");
int rtcheck_plain_vscanf(const char *fmt, va_list ap) __asm__("vscanf");
int rtcheck_plain_vfscanf(FILE *f, const char *fmt, va_list ap) __asm__("vfscanf");
typedef int vscanf_fn(const char *, va_list);
typedef int vfscanf_fn(FILE *, const char *, va_list);
static void *real_plain_vscanf, *real_plain_vfscanf;
#define REAL_PLAIN(fn) ((fn##_fn *)rtcheck_real(&real_plain_##fn, #fn))

RTCHECK_EXPORT int rtcheck_plain_vscanf(const char *fmt, va_list ap) {
  ENTER(vscanf);
  int r = REAL_PLAIN(vscanf)(fmt, ap);
  LEAVE();
  return r;
}
RTCHECK_EXPORT int rtcheck_plain_vfscanf(FILE *f, const char *fmt, va_list ap) {
  ENTER(vfscanf);
  int r = REAL_PLAIN(vfscanf)(f, fmt, ap);
  LEAVE();
  return r;
}
WRAP(int, __isoc99_vscanf, (const char *fmt, va_list ap), (fmt, ap))
WRAP(int, __isoc99_vfscanf, (FILE * f, const char *fmt, va_list ap), (f, fmt, ap))

#define WRAP_SCANF(fn, id, vfn, params, last, args)                                                \
  RTCHECK_EXPORT int fn params {                                                                   \
    va_list ap;                                                                                    \
    va_start(ap, last);                                                                            \
    ENTER(id);                                                                                     \
    int r = vfn args;                                                                              \
    LEAVE();                                                                                       \
    va_end(ap);                                                                                    \
    return r;                                                                                      \
  }
WRAP_SCANF(rtcheck_plain_scanf, scanf, REAL_PLAIN(vscanf), (const char *fmt, ...), fmt, (fmt, ap))
WRAP_SCANF(rtcheck_plain_fscanf, fscanf, REAL_PLAIN(vfscanf), (FILE * f, const char *fmt, ...), fmt,
           (f, fmt, ap))
WRAP_SCANF(__isoc99_scanf, __isoc99_scanf, REAL(__isoc99_vscanf), (const char *fmt, ...), fmt,
           (fmt, ap))
WRAP_SCANF(__isoc99_fscanf, __isoc99_fscanf, REAL(__isoc99_vfscanf),
           (FILE * f, const char *fmt, ...), fmt, (f, fmt, ap))

/* --- Buffer refill and flush, stream locks and state ------------------------------------------ */
int __uflow(FILE *f);
int __overflow(FILE *f, int c);
WRAP(int, __uflow, (FILE * f), (f))
WRAP(int, __overflow, (FILE * f, int c), (f, c))
WRAP_VOID(flockfile, (FILE * f), (f))
WRAP_VOID(funlockfile, (FILE * f), (f))
WRAP(int, ftrylockfile, (FILE * f), (f))
WRAP(int, feof, (FILE * f), (f))
WRAP(int, ferror, (FILE * f), (f))
WRAP_VOID(clearerr, (FILE * f), (f))
WRAP(int, fcloseall, (void), ())
WRAP(int, fflush_unlocked, (FILE * f), (f))
WRAP_VOID(__fpurge, (FILE * f), (f))
WRAP_VOID(_flushlbf, (void), ())
WRAP(int, fwide, (FILE * f, int mode), (f, mode))

/* --- warn: the variadic forms print through the real v* function ------------------------------ */
WRAP_VOID(vwarn, (const char *fmt, va_list ap), (fmt, ap))
DECLARE_REAL(vwarnx);
RTCHECK_EXPORT void warn(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ENTER(warn);
  REAL(vwarn)(fmt, ap);
  LEAVE();
  va_end(ap);
}
RTCHECK_EXPORT void warnx(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ENTER(warnx);
  REAL(vwarnx)(fmt, ap);
  LEAVE();
  va_end(ap);
}

/* --- _FORTIFY_SOURCE variants (glibc's debug/ ABI; declared here as in interceptors_syscall.c) -
 */
ssize_t __readlinkat_chk(int dirfd, const char *path, char *buf, size_t n, size_t buflen);
char *__getcwd_chk(char *buf, size_t n, size_t buflen);
char *__realpath_chk(const char *path, char *resolved, size_t resolvedlen);
int __ppoll_chk(struct pollfd *fds, nfds_t n, const struct timespec *t, const sigset_t *mask,
                size_t fdslen);
void __syslog_chk(int prio, int flag, const char *fmt, ...);
void __vsyslog_chk(int prio, int flag, const char *fmt, va_list ap);
WRAP(ssize_t, __readlinkat_chk, (int dirfd, const char *path, char *buf, size_t n, size_t buflen),
     (dirfd, path, buf, n, buflen))
WRAP(char *, __getcwd_chk, (char *buf, size_t n, size_t buflen), (buf, n, buflen))
WRAP(char *, __realpath_chk, (const char *path, char *resolved, size_t resolvedlen),
     (path, resolved, resolvedlen))
WRAP(int, __ppoll_chk,
     (struct pollfd * fds, nfds_t n, const struct timespec *t, const sigset_t *mask, size_t fdslen),
     (fds, n, t, mask, fdslen))
WRAP_VOID(__vsyslog_chk, (int prio, int flag, const char *fmt, va_list ap), (prio, flag, fmt, ap))
RTCHECK_EXPORT void __syslog_chk(int prio, int flag, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ENTER(__syslog_chk);
  REAL(__vsyslog_chk)(prio, flag, fmt, ap);
  LEAVE();
  va_end(ap);
}
