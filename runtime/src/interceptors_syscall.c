/* System-call interceptors: sleeping and yielding, file, pipe and socket I/O, stdio, polling,
 * memory mappings, processes and threads (categories from rules/libc.json and rules/pthread.json).
 */
#include "interceptor.h" /* first: it decides how glibc headers define stdio */
#include "autoscope.h"

#include <dirent.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>

/* --- Sleeping and yielding
 * ------------------------------------------------------------------------ */
WRAP(unsigned, sleep, (unsigned s), (s))
WRAP(int, usleep, (useconds_t us), (us))
WRAP(int, nanosleep, (const struct timespec *req, struct timespec *rem), (req, rem))
WRAP(int, clock_nanosleep,
     (clockid_t c, int flags, const struct timespec *req, struct timespec *rem),
     (c, flags, req, rem))
WRAP(int, sched_yield, (void), ())
WRAP_VOID(thrd_yield, (void), ())
WRAP(int, thrd_sleep, (const struct timespec *req, struct timespec *rem), (req, rem))

/* --- Files
 * ------------------------------------------------------------------------------------------ */

/* open/openat take a third argument only when the flags create a file (O_CREAT, O_TMPFILE). */
#define OPEN_MODE(flags, last)                                                                     \
  mode_t mode = 0;                                                                                 \
  if ((flags)&O_CREAT || ((flags)&O_TMPFILE) == O_TMPFILE) {                                       \
    va_list ap;                                                                                    \
    va_start(ap, last);                                                                            \
    mode = (mode_t)va_arg(ap, int);                                                                \
    va_end(ap);                                                                                    \
  }

#define WRAP_OPEN(fn)                                                                              \
  DECLARE_REAL(fn);                                                                                \
  RTCHECK_EXPORT int fn(const char *path, int flags, ...) {                                        \
    OPEN_MODE(flags, flags)                                                                        \
    ENTER(fn);                                                                                     \
    int r = REAL(fn)(path, flags, mode);                                                           \
    LEAVE();                                                                                       \
    return r;                                                                                      \
  }
#define WRAP_OPENAT(fn)                                                                            \
  DECLARE_REAL(fn);                                                                                \
  RTCHECK_EXPORT int fn(int dirfd, const char *path, int flags, ...) {                             \
    OPEN_MODE(flags, flags)                                                                        \
    ENTER(fn);                                                                                     \
    int r = REAL(fn)(dirfd, path, flags, mode);                                                    \
    LEAVE();                                                                                       \
    return r;                                                                                      \
  }
WRAP_OPEN(open)
WRAP_OPEN(open64)
WRAP_OPENAT(openat)
WRAP_OPENAT(openat64)

WRAP(int, creat, (const char *path, mode_t mode), (path, mode))
WRAP(int, creat64, (const char *path, mode_t mode), (path, mode))
WRAP(int, close, (int fd), (fd))
WRAP(int, fsync, (int fd), (fd))
WRAP(int, fdatasync, (int fd), (fd))
WRAP(ssize_t, read, (int fd, void *buf, size_t n), (fd, buf, n))
WRAP(ssize_t, write, (int fd, const void *buf, size_t n), (fd, buf, n))
WRAP(ssize_t, pread, (int fd, void *buf, size_t n, off_t off), (fd, buf, n, off))
WRAP(ssize_t, pread64, (int fd, void *buf, size_t n, off64_t off), (fd, buf, n, off))
WRAP(ssize_t, pwrite, (int fd, const void *buf, size_t n, off_t off), (fd, buf, n, off))
WRAP(ssize_t, pwrite64, (int fd, const void *buf, size_t n, off64_t off), (fd, buf, n, off))
WRAP(ssize_t, readv, (int fd, const struct iovec *v, int n), (fd, v, n))
WRAP(ssize_t, writev, (int fd, const struct iovec *v, int n), (fd, v, n))
WRAP(ssize_t, preadv, (int fd, const struct iovec *v, int n, off_t off), (fd, v, n, off))
WRAP(ssize_t, preadv64, (int fd, const struct iovec *v, int n, off64_t off), (fd, v, n, off))
WRAP(ssize_t, pwritev, (int fd, const struct iovec *v, int n, off_t off), (fd, v, n, off))
WRAP(ssize_t, pwritev64, (int fd, const struct iovec *v, int n, off64_t off), (fd, v, n, off))
WRAP(off_t, lseek, (int fd, off_t off, int whence), (fd, off, whence))
WRAP(off64_t, lseek64, (int fd, off64_t off, int whence), (fd, off, whence))
WRAP(int, dup, (int fd), (fd))
WRAP(int, dup2, (int fd, int to), (fd, to))

/* fcntl is variadic; its optional argument is an int or a pointer, passed on pointer-sized. */
#define WRAP_FCNTL(fn)                                                                             \
  DECLARE_REAL(fn);                                                                                \
  RTCHECK_EXPORT int fn(int fd, int cmd, ...) {                                                    \
    va_list ap;                                                                                    \
    va_start(ap, cmd);                                                                             \
    void *arg = va_arg(ap, void *);                                                                \
    va_end(ap);                                                                                    \
    ENTER(fn);                                                                                     \
    int r = REAL(fn)(fd, cmd, arg);                                                                \
    LEAVE();                                                                                       \
    return r;                                                                                      \
  }
WRAP_FCNTL(fcntl)
WRAP_FCNTL(fcntl64)

WRAP(int, ftruncate, (int fd, off_t len), (fd, len))
WRAP(int, ftruncate64, (int fd, off64_t len), (fd, len))
WRAP(int, truncate, (const char *path, off_t len), (path, len))
WRAP(int, truncate64, (const char *path, off64_t len), (path, len))
WRAP(int, chdir, (const char *path), (path))
WRAP(int, fchdir, (int fd), (fd))
WRAP(int, chmod, (const char *path, mode_t mode), (path, mode))
WRAP(int, fchmod, (int fd, mode_t mode), (fd, mode))
WRAP(int, mkdir, (const char *path, mode_t mode), (path, mode))
WRAP(int, rmdir, (const char *path), (path))
WRAP(int, unlink, (const char *path), (path))
WRAP(int, unlinkat, (int dirfd, const char *path, int flags), (dirfd, path, flags))
WRAP(int, symlink, (const char *target, const char *path), (target, path))
WRAP(int, symlinkat, (const char *target, int dirfd, const char *path), (target, dirfd, path))
WRAP(ssize_t, readlink, (const char *path, char *buf, size_t n), (path, buf, n))
WRAP(ssize_t, readlinkat, (int dirfd, const char *path, char *buf, size_t n), (dirfd, path, buf, n))
WRAP(int, mkfifo, (const char *path, mode_t mode), (path, mode))
WRAP(mode_t, umask, (mode_t mask), (mask))

/* --- stdio
 * ------------------------------------------------------------------------------------------ */
WRAP(FILE *, fopen, (const char *path, const char *mode), (path, mode))
WRAP(FILE *, fopen64, (const char *path, const char *mode), (path, mode))
WRAP(FILE *, freopen, (const char *path, const char *mode, FILE *f), (path, mode, f))
WRAP(FILE *, freopen64, (const char *path, const char *mode, FILE *f), (path, mode, f))
WRAP(FILE *, fdopen, (int fd, const char *mode), (fd, mode))
WRAP(FILE *, fmemopen, (void *buf, size_t n, const char *mode), (buf, n, mode))
WRAP(FILE *, open_memstream, (char **buf, size_t *n), (buf, n))
WRAP(FILE *, fopencookie, (void *cookie, const char *mode, cookie_io_functions_t io),
     (cookie, mode, io))
WRAP(int, fclose, (FILE * f), (f))
WRAP(size_t, fread, (void *buf, size_t size, size_t n, FILE *f), (buf, size, n, f))
WRAP(size_t, fwrite, (const void *buf, size_t size, size_t n, FILE *f), (buf, size, n, f))
WRAP(int, fflush, (FILE * f), (f))
WRAP(int, fputs, (const char *s, FILE *f), (s, f))
WRAP(int, puts, (const char *s), (s))
WRAP(int, putchar, (int c), (c))
WRAP(int, fputc, (int c, FILE *f), (c, f))
WRAP(int, putc, (int c, FILE *f), (c, f))
WRAP(char *, fgets, (char *s, int n, FILE *f), (s, n, f))
WRAP(int, fgetc, (FILE * f), (f))
WRAP(int, getc, (FILE * f), (f))
WRAP(int, vprintf, (const char *fmt, va_list ap), (fmt, ap))
WRAP(int, vfprintf, (FILE * f, const char *fmt, va_list ap), (f, fmt, ap))
WRAP(int, vdprintf, (int fd, const char *fmt, va_list ap), (fd, fmt, ap))

/* The variadic printf forms count as themselves and format through the real v* function. */
RTCHECK_EXPORT int printf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ENTER(printf);
  int r = REAL(vprintf)(fmt, ap);
  LEAVE();
  va_end(ap);
  return r;
}
RTCHECK_EXPORT int fprintf(FILE *f, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ENTER(fprintf);
  int r = REAL(vfprintf)(f, fmt, ap);
  LEAVE();
  va_end(ap);
  return r;
}
RTCHECK_EXPORT int dprintf(int fd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ENTER(dprintf);
  int r = REAL(vdprintf)(fd, fmt, ap);
  LEAVE();
  va_end(ap);
  return r;
}

WRAP(int, fseek, (FILE * f, long off, int whence), (f, off, whence))
WRAP(int, fseeko, (FILE * f, off_t off, int whence), (f, off, whence))
WRAP(int, fseeko64, (FILE * f, off64_t off, int whence), (f, off, whence))
WRAP(long, ftell, (FILE * f), (f))
WRAP(off_t, ftello, (FILE * f), (f))
WRAP(off64_t, ftello64, (FILE * f), (f))
WRAP(int, fgetpos, (FILE * f, fpos_t *pos), (f, pos))
WRAP(int, fgetpos64, (FILE * f, fpos64_t *pos), (f, pos))
WRAP(int, fsetpos, (FILE * f, const fpos_t *pos), (f, pos))
WRAP(int, fsetpos64, (FILE * f, const fpos64_t *pos), (f, pos))
WRAP_VOID(rewind, (FILE * f), (f))
WRAP_VOID(setbuf, (FILE * f, char *buf), (f, buf))
WRAP_VOID(setbuffer, (FILE * f, char *buf, size_t n), (f, buf, n))
WRAP_VOID(setlinebuf, (FILE * f), (f))
WRAP(int, setvbuf, (FILE * f, char *buf, int mode, size_t n), (f, buf, mode, n))

/* --- Pipes and sockets
 * -------------------------------------------------------------------------------- */
WRAP(int, pipe, (int fds[2]), (fds))
WRAP(int, pipe2, (int fds[2], int flags), (fds, flags))
WRAP(int, socket, (int domain, int type, int proto), (domain, type, proto))
WRAP(int, socketpair, (int domain, int type, int proto, int fds[2]), (domain, type, proto, fds))
WRAP(int, bind, (int fd, const struct sockaddr *a, socklen_t n), (fd, a, n))
WRAP(int, listen, (int fd, int backlog), (fd, backlog))
WRAP(int, accept, (int fd, struct sockaddr *a, socklen_t *n), (fd, a, n))
WRAP(int, accept4, (int fd, struct sockaddr *a, socklen_t *n, int flags), (fd, a, n, flags))
WRAP(int, connect, (int fd, const struct sockaddr *a, socklen_t n), (fd, a, n))
WRAP(int, shutdown, (int fd, int how), (fd, how))
WRAP(ssize_t, send, (int fd, const void *buf, size_t n, int flags), (fd, buf, n, flags))
WRAP(ssize_t, sendto,
     (int fd, const void *buf, size_t n, int flags, const struct sockaddr *a, socklen_t al),
     (fd, buf, n, flags, a, al))
WRAP(ssize_t, sendmsg, (int fd, const struct msghdr *m, int flags), (fd, m, flags))
WRAP(int, sendmmsg, (int fd, struct mmsghdr *m, unsigned n, int flags), (fd, m, n, flags))
WRAP(ssize_t, recv, (int fd, void *buf, size_t n, int flags), (fd, buf, n, flags))
WRAP(ssize_t, recvfrom, (int fd, void *buf, size_t n, int flags, struct sockaddr *a, socklen_t *al),
     (fd, buf, n, flags, a, al))
WRAP(ssize_t, recvmsg, (int fd, struct msghdr *m, int flags), (fd, m, flags))
WRAP(int, recvmmsg, (int fd, struct mmsghdr *m, unsigned n, int flags, struct timespec *t),
     (fd, m, n, flags, t))
WRAP(int, getsockopt, (int fd, int level, int name, void *v, socklen_t *n), (fd, level, name, v, n))
WRAP(int, setsockopt, (int fd, int level, int name, const void *v, socklen_t n),
     (fd, level, name, v, n))
WRAP(int, getpeername, (int fd, struct sockaddr *a, socklen_t *n), (fd, a, n))
WRAP(int, getsockname, (int fd, struct sockaddr *a, socklen_t *n), (fd, a, n))
WRAP(int, getaddrinfo,
     (const char *node, const char *svc, const struct addrinfo *hints, struct addrinfo **res),
     (node, svc, hints, res))
WRAP(int, getnameinfo,
     (const struct sockaddr *a, socklen_t al, char *host, socklen_t hl, char *serv, socklen_t sl,
      int flags),
     (a, al, host, hl, serv, sl, flags))

/* --- Waiting for events
 * --------------------------------------------------------------------------------- */
WRAP(int, poll, (struct pollfd * fds, nfds_t n, int timeout), (fds, n, timeout))
WRAP(int, ppoll, (struct pollfd * fds, nfds_t n, const struct timespec *t, const sigset_t *mask),
     (fds, n, t, mask))
WRAP(int, select, (int n, fd_set *r, fd_set *w, fd_set *e, struct timeval *t), (n, r, w, e, t))
WRAP(int, pselect,
     (int n, fd_set *r, fd_set *w, fd_set *e, const struct timespec *t, const sigset_t *mask),
     (n, r, w, e, t, mask))
WRAP(int, epoll_create, (int size), (size))
WRAP(int, epoll_create1, (int flags), (flags))
WRAP(int, epoll_ctl, (int epfd, int op, int fd, struct epoll_event *ev), (epfd, op, fd, ev))
WRAP(int, epoll_wait, (int epfd, struct epoll_event *ev, int n, int timeout),
     (epfd, ev, n, timeout))
WRAP(int, epoll_pwait, (int epfd, struct epoll_event *ev, int n, int timeout, const sigset_t *mask),
     (epfd, ev, n, timeout, mask))
WRAP(int, eventfd, (unsigned int init, int flags), (init, flags))
WRAP(int, inotify_init, (void), ())
WRAP(int, inotify_init1, (int flags), (flags))
WRAP(int, inotify_add_watch, (int fd, const char *path, uint32_t mask), (fd, path, mask))
WRAP(int, inotify_rm_watch, (int fd, int wd), (fd, wd))
WRAP(int, timerfd_create, (clockid_t c, int flags), (c, flags))
WRAP(int, timerfd_settime, (int fd, int flags, const struct itimerspec *v, struct itimerspec *old),
     (fd, flags, v, old))
WRAP(int, timerfd_gettime, (int fd, struct itimerspec *v), (fd, v))
WRAP(int, memfd_create, (const char *name, unsigned int flags), (name, flags))
WRAP(int, shm_open, (const char *name, int flags, mode_t mode), (name, flags, mode))
WRAP(int, shm_unlink, (const char *name), (name))

/* --- Memory mappings
 * ------------------------------------------------------------------------------------- */
WRAP(void *, mmap, (void *addr, size_t n, int prot, int flags, int fd, off_t off),
     (addr, n, prot, flags, fd, off))
WRAP(void *, mmap64, (void *addr, size_t n, int prot, int flags, int fd, off64_t off),
     (addr, n, prot, flags, fd, off))
WRAP(int, munmap, (void *addr, size_t n), (addr, n))
WRAP(int, mprotect, (void *addr, size_t n, int prot), (addr, n, prot))
WRAP(int, msync, (void *addr, size_t n, int flags), (addr, n, flags))
WRAP(int, madvise, (void *addr, size_t n, int advice), (addr, n, advice))
WRAP(int, posix_madvise, (void *addr, size_t n, int advice), (addr, n, advice))
WRAP(int, mincore, (void *addr, size_t n, unsigned char *vec), (addr, n, vec))

/* mremap takes a fifth argument (the new address) only with MREMAP_FIXED. */
DECLARE_REAL(mremap);
RTCHECK_EXPORT void *mremap(void *old, size_t old_size, size_t new_size, int flags, ...) {
  void *new_addr = 0;
  if (flags & MREMAP_FIXED) {
    va_list ap;
    va_start(ap, flags);
    new_addr = va_arg(ap, void *);
    va_end(ap);
  }
  ENTER(mremap);
  void *r = REAL(mremap)(old, old_size, new_size, flags, new_addr);
  LEAVE();
  return r;
}

/* --- Processes, threads, scheduling
 * ------------------------------------------------------------------- */

/* The child's state is reset by the pthread_atfork handler (init.c), which also covers the forks
 * glibc makes internally. */
WRAP(pid_t, fork, (void), ())

/* The image is about to be replaced: its report is written first. */
DECLARE_REAL(execve);
RTCHECK_EXPORT int execve(const char *path, char *const argv[], char *const envp[]) {
  ENTER(execve);
  rtcheck_before_exec();
  int r = REAL(execve)(path, argv, envp);
  LEAVE();
  return r;
}

WRAP(int, system, (const char *cmd), (cmd))
/* A thread created with a real-time scheduling attribute starts in a thread scope
 * (autoscope_sched.c). */
DECLARE_REAL(pthread_create);
RTCHECK_EXPORT int pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *),
                                  void *arg) {
  ENTER(pthread_create);
  rtcheck_autoscope_thread_create(a, &fn, &arg);
  int r = REAL(pthread_create)(t, a, fn, arg);
  if (r != 0)
    rtcheck_autoscope_thread_create_failed(arg);
  LEAVE();
  return r;
}
WRAP(int, sched_getaffinity, (pid_t pid, size_t n, cpu_set_t *set), (pid, n, set))
WRAP(int, sched_setaffinity, (pid_t pid, size_t n, const cpu_set_t *set), (pid, n, set))
WRAP(ssize_t, process_vm_readv,
     (pid_t pid, const struct iovec *l, unsigned long ln, const struct iovec *r, unsigned long rn,
      unsigned long f),
     (pid, l, ln, r, rn, f))
WRAP(ssize_t, process_vm_writev,
     (pid_t pid, const struct iovec *l, unsigned long ln, const struct iovec *r, unsigned long rn,
      unsigned long f),
     (pid, l, ln, r, rn, f))

/* syscall is variadic; the kernel takes at most six register arguments, all passed on as longs. */
DECLARE_REAL(syscall);
RTCHECK_EXPORT long syscall(long number, ...) {
  va_list ap;
  va_start(ap, number);
  long a = va_arg(ap, long), b = va_arg(ap, long), c = va_arg(ap, long);
  long d = va_arg(ap, long), e = va_arg(ap, long), f = va_arg(ap, long);
  va_end(ap);
  ENTER(syscall);
  long r = REAL(syscall)(number, a, b, c, d, e, f);
  LEAVE();
  return r;
}

/* --- The _FORTIFY_SOURCE variants
 * --------------------------------------------------------------------- Programs built with
 * -D_FORTIFY_SOURCE (Debian's dpkg-buildflags, Ubuntu's default) call these instead of
 * printf/read/open/... The headers declare them only under fortification, which the shim is built
 * without, so their prototypes (glibc's debug/ and io/ ABI) are written here. */
int __printf_chk(int flag, const char *fmt, ...);
int __fprintf_chk(FILE *f, int flag, const char *fmt, ...);
int __vprintf_chk(int flag, const char *fmt, va_list ap);
int __vfprintf_chk(FILE *f, int flag, const char *fmt, va_list ap);
int __dprintf_chk(int fd, int flag, const char *fmt, ...);
int __vdprintf_chk(int fd, int flag, const char *fmt, va_list ap);
ssize_t __read_chk(int fd, void *buf, size_t n, size_t buflen);
ssize_t __pread_chk(int fd, void *buf, size_t n, off_t off, size_t buflen);
ssize_t __pread64_chk(int fd, void *buf, size_t n, off64_t off, size_t buflen);
int __open_2(const char *path, int flags);
int __open64_2(const char *path, int flags);
int __openat_2(int dirfd, const char *path, int flags);
int __openat64_2(int dirfd, const char *path, int flags);
size_t __fread_chk(void *buf, size_t buflen, size_t size, size_t n, FILE *f);
char *__fgets_chk(char *s, size_t buflen, int n, FILE *f);
int __poll_chk(struct pollfd *fds, nfds_t n, int timeout, size_t fdslen);
ssize_t __recv_chk(int fd, void *buf, size_t n, size_t buflen, int flags);
ssize_t __recvfrom_chk(int fd, void *buf, size_t n, size_t buflen, int flags, struct sockaddr *a,
                       socklen_t *al);
ssize_t __readlink_chk(const char *path, char *buf, size_t n, size_t buflen);

WRAP(int, __vprintf_chk, (int flag, const char *fmt, va_list ap), (flag, fmt, ap))
WRAP(int, __vfprintf_chk, (FILE * f, int flag, const char *fmt, va_list ap), (f, flag, fmt, ap))
WRAP(int, __vdprintf_chk, (int fd, int flag, const char *fmt, va_list ap), (fd, flag, fmt, ap))

RTCHECK_EXPORT int __printf_chk(int flag, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ENTER(__printf_chk);
  int r = REAL(__vprintf_chk)(flag, fmt, ap);
  LEAVE();
  va_end(ap);
  return r;
}
RTCHECK_EXPORT int __fprintf_chk(FILE *f, int flag, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ENTER(__fprintf_chk);
  int r = REAL(__vfprintf_chk)(f, flag, fmt, ap);
  LEAVE();
  va_end(ap);
  return r;
}
RTCHECK_EXPORT int __dprintf_chk(int fd, int flag, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ENTER(__dprintf_chk);
  int r = REAL(__vdprintf_chk)(fd, flag, fmt, ap);
  LEAVE();
  va_end(ap);
  return r;
}

WRAP(ssize_t, __read_chk, (int fd, void *buf, size_t n, size_t buflen), (fd, buf, n, buflen))
WRAP(ssize_t, __pread_chk, (int fd, void *buf, size_t n, off_t off, size_t buflen),
     (fd, buf, n, off, buflen))
WRAP(ssize_t, __pread64_chk, (int fd, void *buf, size_t n, off64_t off, size_t buflen),
     (fd, buf, n, off, buflen))
WRAP(int, __open_2, (const char *path, int flags), (path, flags))
WRAP(int, __open64_2, (const char *path, int flags), (path, flags))
WRAP(int, __openat_2, (int dirfd, const char *path, int flags), (dirfd, path, flags))
WRAP(int, __openat64_2, (int dirfd, const char *path, int flags), (dirfd, path, flags))
WRAP(size_t, __fread_chk, (void *buf, size_t buflen, size_t size, size_t n, FILE *f),
     (buf, buflen, size, n, f))
WRAP(char *, __fgets_chk, (char *s, size_t buflen, int n, FILE *f), (s, buflen, n, f))
WRAP(int, __poll_chk, (struct pollfd * fds, nfds_t n, int timeout, size_t fdslen),
     (fds, n, timeout, fdslen))
WRAP(ssize_t, __recv_chk, (int fd, void *buf, size_t n, size_t buflen, int flags),
     (fd, buf, n, buflen, flags))
WRAP(ssize_t, __recvfrom_chk,
     (int fd, void *buf, size_t n, size_t buflen, int flags, struct sockaddr *a, socklen_t *al),
     (fd, buf, n, buflen, flags, a, al))
WRAP(ssize_t, __readlink_chk, (const char *path, char *buf, size_t n, size_t buflen),
     (path, buf, n, buflen))
