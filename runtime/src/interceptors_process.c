/* Process, signal, loader, memory-locking, timer, scheduling, name-service and IPC interceptors:
 * what a real-time callback must not do and glibc exports (categories from rules/libc.json and
 * rules/pthread.json). */
#include "interceptor.h" /* first: it decides how glibc headers define stdio */
#include "autoscope.h"

#include <aio.h>
#include <dlfcn.h>
#include <getopt.h>
#include <grp.h>
#include <ifaddrs.h>
#include <mqueue.h>
#include <net/if.h>
#include <netdb.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/fanotify.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/msg.h>
#include <sys/pidfd.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/timex.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>
#include <wordexp.h>

/* --- Waiting for children, spawning, exec ----------------------------------------------------- */
WRAP(pid_t, wait, (int *status), (status))
WRAP(pid_t, waitpid, (pid_t pid, int *status, int options), (pid, status, options))
WRAP(int, waitid, (idtype_t type, id_t id, siginfo_t *info, int options), (type, id, info, options))
WRAP(pid_t, wait3, (int *status, int options, struct rusage *ru), (status, options, ru))
WRAP(pid_t, wait4, (pid_t pid, int *status, int options, struct rusage *ru),
     (pid, status, options, ru))
WRAP(int, posix_spawn,
     (pid_t * pid, const char *path, const posix_spawn_file_actions_t *fa,
      const posix_spawnattr_t *attr, char *const argv[], char *const envp[]),
     (pid, path, fa, attr, argv, envp))
WRAP(int, posix_spawnp,
     (pid_t * pid, const char *file, const posix_spawn_file_actions_t *fa,
      const posix_spawnattr_t *attr, char *const argv[], char *const envp[]),
     (pid, file, fa, attr, argv, envp))
WRAP(FILE *, popen, (const char *cmd, const char *mode), (cmd, mode))
WRAP(int, pclose, (FILE * f), (f))

/* glibc runs these through its internal execve, which the shim does not see: the image's report is
 * written here, as in the execve interceptor. */
#define WRAP_EXEC(fn, params, args)                                                                \
  DECLARE_REAL(fn);                                                                                \
  RTCHECK_EXPORT int fn params {                                                                   \
    ENTER(fn);                                                                                     \
    rtcheck_before_exec();                                                                         \
    int r = REAL(fn) args;                                                                         \
    LEAVE();                                                                                       \
    return r;                                                                                      \
  }
WRAP_EXEC(execv, (const char *path, char *const argv[]), (path, argv))
WRAP_EXEC(execvp, (const char *file, char *const argv[]), (file, argv))
WRAP_EXEC(execvpe, (const char *file, char *const argv[], char *const envp[]), (file, argv, envp))
WRAP_EXEC(fexecve, (int fd, char *const argv[], char *const envp[]), (fd, argv, envp))

/* --- Signals ---------------------------------------------------------------------------------- */
WRAP(int, sigwait, (const sigset_t *set, int *sig), (set, sig))
WRAP(int, sigwaitinfo, (const sigset_t *set, siginfo_t *info), (set, info))
WRAP(int, sigtimedwait, (const sigset_t *set, siginfo_t *info, const struct timespec *t),
     (set, info, t))
WRAP(int, sigsuspend, (const sigset_t *set), (set))
WRAP(int, pause, (void), ())
WRAP(int, sigprocmask, (int how, const sigset_t *set, sigset_t *old), (how, set, old))
WRAP(int, sigaction, (int sig, const struct sigaction *act, struct sigaction *old), (sig, act, old))
WRAP(__sighandler_t, signal, (int sig, __sighandler_t handler), (sig, handler))
WRAP(int, sigpending, (sigset_t * set), (set))
WRAP(int, sigaltstack, (const stack_t *ss, stack_t *old), (ss, old))
WRAP(int, sigqueue, (pid_t pid, int sig, const union sigval v), (pid, sig, v))
WRAP(int, kill, (pid_t pid, int sig), (pid, sig))
WRAP(int, killpg, (pid_t pg, int sig), (pg, sig))
WRAP(int, raise, (int sig), (sig))
WRAP(int, tgkill, (pid_t pid, pid_t tid, int sig), (pid, tid, sig))
WRAP(int, signalfd, (int fd, const sigset_t *mask, int flags), (fd, mask, flags))

/* --- The dynamic loader -----------------------------------------------------------------------
 * dlopen and dlmopen search the library path of their *caller* (its DT_RUNPATH, its namespace),
 * which glibc finds from the return address. So the interceptor counts the call and then jumps to
 * the real function with the program's return address still on the stack (on x86-64 a few
 * instructions of assembly; elsewhere a sibling call the compiler makes at -O2). The loader then
 * runs without the guard: the new library's constructors are code running inside the scope, and
 * what they call is counted too. Tested with a RUNPATH-only plugin (ProcessTest). dlsym is not
 * interposed (the shim resolves itself with it). */
__attribute__((used)) void *rtcheck_dlopen_prepare(const void *caller) {
  rtcheck_leave(rtcheck_enter(RTCHECK_FN_dlopen, caller));
  static void *real;
  return rtcheck_real(&real, "dlopen");
}
__attribute__((used)) void *rtcheck_dlmopen_prepare(const void *caller) {
  rtcheck_leave(rtcheck_enter(RTCHECK_FN_dlmopen, caller));
  static void *real;
  return rtcheck_real(&real, "dlmopen");
}
#if defined(__x86_64__)
/* dlopen(file, mode): keep the two argument registers, ask for the real function, jump. dlmopen
 * has three (the third push also realigns the stack for the call). */
__asm__(".text\n"
        ".globl dlopen\n"
        ".type dlopen, @function\n"
        "dlopen:\n"
        "  endbr64\n"
        "  push %rdi\n"
        "  push %rsi\n"
        "  sub $8, %rsp\n"
        "  mov 24(%rsp), %rdi\n"
        "  call rtcheck_dlopen_prepare\n"
        "  add $8, %rsp\n"
        "  pop %rsi\n"
        "  pop %rdi\n"
        "  jmp *%rax\n"
        ".size dlopen, .-dlopen\n"
        ".globl dlmopen\n"
        ".type dlmopen, @function\n"
        "dlmopen:\n"
        "  endbr64\n"
        "  push %rdi\n"
        "  push %rsi\n"
        "  push %rdx\n"
        "  mov 24(%rsp), %rdi\n"
        "  call rtcheck_dlmopen_prepare\n"
        "  pop %rdx\n"
        "  pop %rsi\n"
        "  pop %rdi\n"
        "  jmp *%rax\n"
        ".size dlmopen, .-dlmopen\n");
#else
RTCHECK_EXPORT void *dlopen(const char *file, int mode) {
  void *(*real)(const char *, int) = rtcheck_dlopen_prepare(__builtin_return_address(0));
  return real(file, mode);
}
RTCHECK_EXPORT void *dlmopen(Lmid_t ns, const char *file, int mode) {
  void *(*real)(Lmid_t, const char *, int) = rtcheck_dlmopen_prepare(__builtin_return_address(0));
  return real(ns, file, mode);
}
#endif
WRAP(int, dlclose, (void *handle), (handle))

/* --- Memory locking and the break ------------------------------------------------------------- */
WRAP(int, mlock, (const void *addr, size_t n), (addr, n))
WRAP(int, mlock2, (const void *addr, size_t n, unsigned flags), (addr, n, flags))
WRAP(int, munlock, (const void *addr, size_t n), (addr, n))
WRAP(int, mlockall, (int flags), (flags))
WRAP(int, munlockall, (void), ())
WRAP(void *, sbrk, (intptr_t n), (n))
WRAP(int, brk, (void *addr), (addr))

/* --- Timers and CPU clocks -------------------------------------------------------------------- */
WRAP(int, timer_create, (clockid_t c, struct sigevent *ev, timer_t *t), (c, ev, t))
WRAP(int, timer_delete, (timer_t t), (t))
WRAP(int, timer_settime, (timer_t t, int flags, const struct itimerspec *v, struct itimerspec *old),
     (t, flags, v, old))
WRAP(int, timer_gettime, (timer_t t, struct itimerspec *v), (t, v))
WRAP(int, setitimer, (__itimer_which_t which, const struct itimerval *v, struct itimerval *old),
     (which, v, old))
WRAP(int, getitimer, (__itimer_which_t which, struct itimerval *v), (which, v))
WRAP(unsigned, alarm, (unsigned s), (s))
WRAP(clock_t, clock, (void), ())
WRAP(clock_t, times, (struct tms * t), (t))

/* --- Local time (the time zone file is read and locked) --------------------------------------- */
WRAP(struct tm *, localtime, (const time_t *t), (t))
WRAP(struct tm *, localtime_r, (const time_t *t, struct tm *out), (t, out))
WRAP(time_t, mktime, (struct tm * tm), (tm))
WRAP_VOID(tzset, (void), ())
WRAP(char *, ctime, (const time_t *t), (t))
WRAP(char *, ctime_r, (const time_t *t, char *buf), (t, buf))

/* --- Scheduling, limits, identity ------------------------------------------------------------- */
DECLARE_REAL(sched_setscheduler);
RTCHECK_EXPORT int sched_setscheduler(pid_t pid, int policy, const struct sched_param *p) {
  ENTER(sched_setscheduler);
  int r = REAL(sched_setscheduler)(pid, policy, p);
  LEAVE();
  if (r == 0)
    rtcheck_autoscope_sched_setscheduler(pid, policy, __builtin_return_address(0));
  return r;
}
WRAP(int, sched_getscheduler, (pid_t pid), (pid))
WRAP(int, sched_setparam, (pid_t pid, const struct sched_param *p), (pid, p))
WRAP(int, sched_getparam, (pid_t pid, struct sched_param *p), (pid, p))
WRAP(int, sched_rr_get_interval, (pid_t pid, struct timespec *t), (pid, t))
WRAP(int, getpriority, (__priority_which_t which, id_t who), (which, who))
WRAP(int, setpriority, (__priority_which_t which, id_t who, int prio), (which, who, prio))
WRAP(int, nice, (int inc), (inc))
WRAP(int, getrlimit, (__rlimit_resource_t r, struct rlimit *l), (r, l))
WRAP(int, setrlimit, (__rlimit_resource_t r, const struct rlimit *l), (r, l))
WRAP(int, prlimit, (pid_t pid, __rlimit_resource_t r, const struct rlimit *l, struct rlimit *old),
     (pid, r, l, old))
WRAP(int, getrusage, (__rusage_who_t who, struct rusage *ru), (who, ru))
WRAP(int, uname, (struct utsname * u), (u))
WRAP(int, gethostname, (char *name, size_t n), (name, n))
WRAP(int, sysinfo, (struct sysinfo * info), (info))
WRAP(long, sysconf, (int name), (name))
WRAP(int, get_nprocs, (void), ())
WRAP(int, get_nprocs_conf, (void), ())
WRAP(int, setuid, (uid_t u), (u))
WRAP(int, setgid, (gid_t g), (g))
WRAP(int, seteuid, (uid_t u), (u))
WRAP(int, setegid, (gid_t g), (g))
WRAP(pid_t, setsid, (void), ())
WRAP(int, setpgid, (pid_t pid, pid_t pg), (pid, pg))
WRAP(ssize_t, getrandom, (void *buf, size_t n, unsigned flags), (buf, n, flags))
WRAP(int, getentropy, (void *buf, size_t n), (buf, n))

/* prctl is variadic; the kernel takes four more unsigned long arguments, passed on as they are. */
DECLARE_REAL(prctl);
RTCHECK_EXPORT int prctl(int option, ...) {
  va_list ap;
  va_start(ap, option);
  unsigned long a = va_arg(ap, unsigned long), b = va_arg(ap, unsigned long);
  unsigned long c = va_arg(ap, unsigned long), d = va_arg(ap, unsigned long);
  va_end(ap);
  ENTER(prctl);
  int r = REAL(prctl)(option, a, b, c, d);
  LEAVE();
  return r;
}

/* --- Name services (files, DNS, NSS modules) -------------------------------------------------- */
WRAP(struct hostent *, gethostbyname, (const char *name), (name))
WRAP(struct hostent *, gethostbyname2, (const char *name, int af), (name, af))
WRAP(int, gethostbyname_r,
     (const char *name, struct hostent *h, char *buf, size_t n, struct hostent **res, int *err),
     (name, h, buf, n, res, err))
WRAP(struct hostent *, gethostbyaddr, (const void *a, socklen_t n, int type), (a, n, type))
WRAP(struct servent *, getservbyname, (const char *name, const char *proto), (name, proto))
WRAP(struct servent *, getservbyport, (int port, const char *proto), (port, proto))
WRAP(struct protoent *, getprotobyname, (const char *name), (name))
WRAP_VOID(freeaddrinfo, (struct addrinfo * ai), (ai))
WRAP(int, getifaddrs, (struct ifaddrs * *ifa), (ifa))
WRAP_VOID(freeifaddrs, (struct ifaddrs * ifa), (ifa))
WRAP(unsigned, if_nametoindex, (const char *name), (name))
WRAP(char *, if_indextoname, (unsigned index, char name[IF_NAMESIZE]), (index, name))
WRAP(struct passwd *, getpwnam, (const char *name), (name))
WRAP(struct passwd *, getpwuid, (uid_t u), (u))
WRAP(int, getpwnam_r,
     (const char *name, struct passwd *p, char *buf, size_t n, struct passwd **res),
     (name, p, buf, n, res))
WRAP(int, getpwuid_r, (uid_t u, struct passwd *p, char *buf, size_t n, struct passwd **res),
     (u, p, buf, n, res))
WRAP(struct group *, getgrnam, (const char *name), (name))
WRAP(struct group *, getgrgid, (gid_t g), (g))
WRAP(int, getgrnam_r, (const char *name, struct group *g, char *buf, size_t n, struct group **res),
     (name, g, buf, n, res))
WRAP(int, getgrgid_r, (gid_t gid, struct group *g, char *buf, size_t n, struct group **res),
     (gid, g, buf, n, res))

/* --- syslog: the variadic form formats through the real vsyslog ------------------------------- */
WRAP_VOID(vsyslog, (int prio, const char *fmt, va_list ap), (prio, fmt, ap))
WRAP_VOID(openlog, (const char *ident, int opt, int facility), (ident, opt, facility))
WRAP_VOID(closelog, (void), ())
RTCHECK_EXPORT void syslog(int prio, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ENTER(syslog);
  REAL(vsyslog)(prio, fmt, ap);
  LEAVE();
  va_end(ap);
}

/* --- Message queues, System V IPC, asynchronous I/O ------------------------------------------- */
/* mq_open takes a mode and attributes only with O_CREAT. */
DECLARE_REAL(mq_open);
RTCHECK_EXPORT mqd_t mq_open(const char *name, int flags, ...) {
  mode_t mode = 0;
  struct mq_attr *attr = 0;
  if (flags & O_CREAT) {
    va_list ap;
    va_start(ap, flags);
    mode = (mode_t)va_arg(ap, int);
    attr = va_arg(ap, struct mq_attr *);
    va_end(ap);
  }
  ENTER(mq_open);
  mqd_t r = REAL(mq_open)(name, flags, mode, attr);
  LEAVE();
  return r;
}
WRAP(int, mq_close, (mqd_t q), (q))
WRAP(int, mq_unlink, (const char *name), (name))
WRAP(int, mq_send, (mqd_t q, const char *msg, size_t n, unsigned prio), (q, msg, n, prio))
WRAP(int, mq_timedsend,
     (mqd_t q, const char *msg, size_t n, unsigned prio, const struct timespec *t),
     (q, msg, n, prio, t))
WRAP(ssize_t, mq_receive, (mqd_t q, char *msg, size_t n, unsigned *prio), (q, msg, n, prio))
WRAP(ssize_t, mq_timedreceive,
     (mqd_t q, char *msg, size_t n, unsigned *prio, const struct timespec *t), (q, msg, n, prio, t))
WRAP(int, mq_notify, (mqd_t q, const struct sigevent *ev), (q, ev))
WRAP(int, mq_getattr, (mqd_t q, struct mq_attr *a), (q, a))
WRAP(int, mq_setattr, (mqd_t q, const struct mq_attr *a, struct mq_attr *old), (q, a, old))
WRAP(int, shmget, (key_t k, size_t n, int flags), (k, n, flags))
WRAP(void *, shmat, (int id, const void *addr, int flags), (id, addr, flags))
WRAP(int, shmdt, (const void *addr), (addr))
WRAP(int, shmctl, (int id, int cmd, struct shmid_ds *buf), (id, cmd, buf))
WRAP(int, semget, (key_t k, int n, int flags), (k, n, flags))
WRAP(int, semop, (int id, struct sembuf *ops, size_t n), (id, ops, n))
WRAP(int, semtimedop, (int id, struct sembuf *ops, size_t n, const struct timespec *t),
     (id, ops, n, t))
WRAP(int, msgget, (key_t k, int flags), (k, flags))
WRAP(int, msgsnd, (int id, const void *msg, size_t n, int flags), (id, msg, n, flags))
WRAP(ssize_t, msgrcv, (int id, void *msg, size_t n, long type, int flags),
     (id, msg, n, type, flags))
WRAP(int, msgctl, (int id, int cmd, struct msqid_ds *buf), (id, cmd, buf))
WRAP(int, aio_read, (struct aiocb * cb), (cb))
WRAP(int, aio_write, (struct aiocb * cb), (cb))
WRAP(int, aio_fsync, (int op, struct aiocb *cb), (op, cb))
WRAP(int, aio_suspend, (const struct aiocb *const list[], int n, const struct timespec *t),
     (list, n, t))
WRAP(int, aio_error, (const struct aiocb *cb), (cb))
WRAP(ssize_t, aio_return, (struct aiocb * cb), (cb))
WRAP(int, aio_cancel, (int fd, struct aiocb *cb), (fd, cb))
WRAP(int, lio_listio, (int mode, struct aiocb *const list[], int n, struct sigevent *ev),
     (mode, list, n, ev))

/* --- Less common process, time and event calls ------------------------------------------------ */
WRAP_EXEC(execveat,
          (int dirfd, const char *path, char *const argv[], char *const envp[], int flags),
          (dirfd, path, argv, envp, flags))
WRAP(int, daemon, (int nochdir, int noclose), (nochdir, noclose))
WRAP(int, timer_getoverrun, (timer_t t), (t))
WRAP(int, adjtime, (const struct timeval *delta, struct timeval *old), (delta, old))
WRAP(int, clock_adjtime, (clockid_t c, struct timex *t), (c, t))
WRAP(int, clock_settime, (clockid_t c, const struct timespec *t), (c, t))
WRAP(int, settimeofday, (const struct timeval *t, const struct timezone *tz), (t, tz))
WRAP(useconds_t, ualarm, (useconds_t v, useconds_t interval), (v, interval))
WRAP(long, get_phys_pages, (void), ())
WRAP(int, getloadavg, (double *loads, int n), (loads, n))
WRAP(int, personality, (unsigned long persona), (persona))
WRAP(int, setns, (int fd, int type), (fd, type))
WRAP(int, unshare, (int flags), (flags))
/* Deprecated in glibc's headers but still exported: old programs call it. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
WRAP(__sighandler_t, sigset, (int sig, __sighandler_t handler), (sig, handler))
#pragma GCC diagnostic pop
WRAP_VOID(psignal, (int sig, const char *s), (sig, s))
WRAP(int, remap_file_pages, (void *addr, size_t n, int prot, size_t off, int flags),
     (addr, n, prot, off, flags))
WRAP(int, pkey_mprotect, (void *addr, size_t n, int prot, int key), (addr, n, prot, key))
WRAP(uint32_t, arc4random, (void), ())
WRAP_VOID(arc4random_buf, (void *buf, size_t n), (buf, n))
WRAP(uint32_t, arc4random_uniform, (uint32_t bound), (bound))
WRAP(int, epoll_pwait2,
     (int epfd, struct epoll_event *ev, int n, const struct timespec *t, const sigset_t *mask),
     (epfd, ev, n, t, mask))
WRAP(int, fanotify_init, (unsigned flags, unsigned event_flags), (flags, event_flags))
WRAP(int, fanotify_mark, (int fd, unsigned flags, uint64_t mask, int dirfd, const char *path),
     (fd, flags, mask, dirfd, path))
WRAP(int, pidfd_open, (pid_t pid, unsigned flags), (pid, flags))
WRAP(int, sockatmark, (int fd), (fd))
WRAP(int, gethostbyaddr_r,
     (const void *a, socklen_t n, int type, struct hostent *h, char *buf, size_t bn,
      struct hostent **res, int *err),
     (a, n, type, h, buf, bn, res, err))
WRAP(struct if_nameindex *, if_nameindex, (void), ())
WRAP_VOID(if_freenameindex, (struct if_nameindex * p), (p))
WRAP(char *, getlogin, (void), ())
WRAP(int, getlogin_r, (char *buf, size_t n), (buf, n))
WRAP(int, getgrouplist, (const char *user, gid_t g, gid_t *groups, int *n), (user, g, groups, n))
WRAP(int, initgroups, (const char *user, gid_t g), (user, g))
WRAP(int, getgroups, (int n, gid_t list[]), (n, list))

/* --- The variadic exec forms: the arguments are gathered into an array on the stack (no
 * allocation) and passed to the vector form, as glibc does itself. */
static size_t count_args(const char *arg0, va_list ap) {
  size_t n = 0;
  for (const char *a = arg0; a; a = va_arg(ap, const char *))
    n++;
  return n;
}
static char **gather_args(const char *arg0, va_list ap, char **argv) {
  size_t n = 0;
  for (const char *a = arg0; a; a = va_arg(ap, const char *))
    argv[n++] = (char *)a;
  argv[n] = 0;
  return va_arg(ap, char **); /* execle's environment; the others ignore it */
}
DECLARE_REAL(execve);
#define WRAP_EXECL(fn, vfn, args)                                                                  \
  RTCHECK_EXPORT int fn(const char *path, const char *arg, ...) {                                  \
    va_list ap, count;                                                                             \
    va_start(ap, arg);                                                                             \
    va_copy(count, ap);                                                                            \
    char *argv[count_args(arg, count) + 1];                                                        \
    va_end(count);                                                                                 \
    char **envp = gather_args(arg, ap, argv);                                                      \
    va_end(ap);                                                                                    \
    (void)envp;                                                                                    \
    ENTER(fn);                                                                                     \
    rtcheck_before_exec();                                                                         \
    int r = REAL(vfn) args;                                                                        \
    LEAVE();                                                                                       \
    return r;                                                                                      \
  }
WRAP_EXECL(execl, execv, (path, argv))
WRAP_EXECL(execlp, execvp, (path, argv))
WRAP_EXECL(execle, execve, (path, argv, envp))

/* ptrace is variadic; the kernel takes pid, addr and data after the request. */
DECLARE_REAL(ptrace);
RTCHECK_EXPORT long ptrace(enum __ptrace_request req, ...) {
  va_list ap;
  va_start(ap, req);
  pid_t pid = va_arg(ap, pid_t);
  void *addr = va_arg(ap, void *), *data = va_arg(ap, void *);
  va_end(ap);
  ENTER(ptrace);
  long r = REAL(ptrace)(req, pid, addr, data);
  LEAVE();
  return r;
}

/* Linux capabilities: glibc exports the system calls; libcap's header declares them. */
int capget(void *hdr, void *data);
int capset(void *hdr, const void *data);
WRAP(int, capget, (void *hdr, void *data), (hdr, data))
WRAP(int, capset, (void *hdr, const void *data), (hdr, data))

/* --- Random numbers (a lock around the shared state), UTC and formatted time (the tzset lock) --
 */
WRAP(int, rand, (void), ())
WRAP_VOID(srand, (unsigned seed), (seed))
WRAP(long, random, (void), ())
WRAP_VOID(srandom, (unsigned seed), (seed))
WRAP(char *, initstate, (unsigned seed, char *state, size_t n), (seed, state, n))
WRAP(char *, setstate, (char *state), (state))
WRAP(struct tm *, gmtime, (const time_t *t), (t))
WRAP(struct tm *, gmtime_r, (const time_t *t, struct tm *out), (t, out))
WRAP(time_t, timelocal, (struct tm * tm), (tm))
WRAP(size_t, strftime, (char *s, size_t n, const char *fmt, const struct tm *tm), (s, n, fmt, tm))
WRAP(size_t, strftime_l, (char *s, size_t n, const char *fmt, const struct tm *tm, locale_t l),
     (s, n, fmt, tm, l))
WRAP(char *, strptime, (const char *s, const char *fmt, struct tm *tm), (s, fmt, tm))
WRAP(int, wordexp, (const char *words, wordexp_t *w, int flags), (words, w, flags))
WRAP(int, getopt, (int argc, char *const argv[], const char *opts), (argc, argv, opts))
WRAP(int, getopt_long,
     (int argc, char *const argv[], const char *opts, const struct option *longopts, int *index),
     (argc, argv, opts, longopts, index))
