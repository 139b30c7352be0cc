/* Lock and wait interceptors: pthread mutexes, rwlocks, spinlocks, condition variables, barriers,
 * joins, POSIX semaphores, and C11 mutexes and condition variables (glibc implements those
 * with internal calls, so they are interposed themselves) (categories from rules/pthread.json).
 * Also thread management (cancellation, thread signals, scheduling, affinity, names), the blocking
 * calls of rules/pthread.json a real-time thread is tempted to make from its callback.
 * pthread_spin_unlock is safe in rules/ and is not interposed. */
#include "interceptor.h" /* first: it decides how glibc headers define stdio */
#include "autoscope.h"

#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdarg.h>
#include <threads.h>
#include <time.h>

WRAP(int, pthread_mutex_lock, (pthread_mutex_t * m), (m))
WRAP(int, pthread_mutex_trylock, (pthread_mutex_t * m), (m))
WRAP(int, pthread_mutex_timedlock, (pthread_mutex_t * m, const struct timespec *t), (m, t))
WRAP(int, pthread_mutex_clocklock, (pthread_mutex_t * m, clockid_t c, const struct timespec *t),
     (m, c, t))
WRAP(int, pthread_mutex_unlock, (pthread_mutex_t * m), (m))

WRAP(int, pthread_rwlock_rdlock, (pthread_rwlock_t * l), (l))
WRAP(int, pthread_rwlock_tryrdlock, (pthread_rwlock_t * l), (l))
WRAP(int, pthread_rwlock_timedrdlock, (pthread_rwlock_t * l, const struct timespec *t), (l, t))
WRAP(int, pthread_rwlock_wrlock, (pthread_rwlock_t * l), (l))
WRAP(int, pthread_rwlock_trywrlock, (pthread_rwlock_t * l), (l))
WRAP(int, pthread_rwlock_timedwrlock, (pthread_rwlock_t * l, const struct timespec *t), (l, t))
WRAP(int, pthread_rwlock_unlock, (pthread_rwlock_t * l), (l))

WRAP(int, pthread_spin_lock, (pthread_spinlock_t * l), (l))
WRAP(int, pthread_spin_trylock, (pthread_spinlock_t * l), (l))

WRAP(int, pthread_cond_init, (pthread_cond_t * c, const pthread_condattr_t *a), (c, a))
WRAP(int, pthread_cond_destroy, (pthread_cond_t * c), (c))
WRAP(int, pthread_cond_wait, (pthread_cond_t * c, pthread_mutex_t *m), (c, m))
WRAP(int, pthread_cond_timedwait,
     (pthread_cond_t * c, pthread_mutex_t *m, const struct timespec *t), (c, m, t))
WRAP(int, pthread_cond_clockwait,
     (pthread_cond_t * c, pthread_mutex_t *m, clockid_t k, const struct timespec *t), (c, m, k, t))
WRAP(int, pthread_cond_signal, (pthread_cond_t * c), (c))
WRAP(int, pthread_cond_broadcast, (pthread_cond_t * c), (c))

WRAP(int, sem_wait, (sem_t * s), (s))
WRAP(int, sem_trywait, (sem_t * s), (s))
WRAP(int, sem_timedwait, (sem_t * s, const struct timespec *t), (s, t))
WRAP(int, sem_clockwait, (sem_t * s, clockid_t c, const struct timespec *t), (s, c, t))
WRAP(int, sem_post, (sem_t * s), (s))

WRAP(int, pthread_barrier_wait, (pthread_barrier_t * b), (b))
WRAP(int, pthread_join, (pthread_t t, void **ret), (t, ret))

WRAP(int, mtx_lock, (mtx_t * m), (m))
WRAP(int, mtx_trylock, (mtx_t * m), (m))
WRAP(int, mtx_timedlock, (mtx_t *restrict m, const struct timespec *restrict t), (m, t))
WRAP(int, mtx_unlock, (mtx_t * m), (m))
WRAP(int, cnd_wait, (cnd_t * c, mtx_t *m), (c, m))
WRAP(int, cnd_timedwait, (cnd_t *restrict c, mtx_t *restrict m, const struct timespec *restrict t),
     (c, m, t))
WRAP(int, cnd_signal, (cnd_t * c), (c))
WRAP(int, cnd_broadcast, (cnd_t * c), (c))

WRAP(int, pthread_rwlock_clockrdlock, (pthread_rwlock_t * l, clockid_t c, const struct timespec *t),
     (l, c, t))
WRAP(int, pthread_rwlock_clockwrlock, (pthread_rwlock_t * l, clockid_t c, const struct timespec *t),
     (l, c, t))
WRAP(int, pthread_mutex_setprioceiling, (pthread_mutex_t * m, int ceiling, int *old),
     (m, ceiling, old))
WRAP(int, pthread_barrier_destroy, (pthread_barrier_t * b), (b))
WRAP(int, pthread_timedjoin_np, (pthread_t t, void **ret, const struct timespec *abs),
     (t, ret, abs))
WRAP(int, pthread_clockjoin_np, (pthread_t t, void **ret, clockid_t c, const struct timespec *abs),
     (t, ret, c, abs))
WRAP(int, pthread_tryjoin_np, (pthread_t t, void **ret), (t, ret))
WRAP(int, thrd_join, (thrd_t t, int *res), (t, res))
WRAP_VOID(cnd_destroy, (cnd_t * c), (c))

/* sem_open takes a mode and a value only with O_CREAT. */
DECLARE_REAL(sem_open);
RTCHECK_EXPORT sem_t *sem_open(const char *name, int flags, ...) {
  mode_t mode = 0;
  unsigned value = 0;
  if (flags & O_CREAT) {
    va_list ap;
    va_start(ap, flags);
    mode = (mode_t)va_arg(ap, int);
    value = va_arg(ap, unsigned);
    va_end(ap);
  }
  ENTER(sem_open);
  sem_t *r = REAL(sem_open)(name, flags, mode, value);
  LEAVE();
  return r;
}
WRAP(int, sem_close, (sem_t * s), (s))
WRAP(int, sem_unlink, (const char *name), (name))

/* --- Thread management: creation, cancellation, signals, scheduling, names ------------------- */
WRAP(int, thrd_create, (thrd_t * t, thrd_start_t fn, void *arg), (t, fn, arg))
WRAP(int, thrd_detach, (thrd_t t), (t))
WRAP(int, pthread_detach, (pthread_t t), (t))
WRAP(int, pthread_cancel, (pthread_t t), (t))
WRAP(int, pthread_kill, (pthread_t t, int sig), (t, sig))
WRAP(int, pthread_sigqueue, (pthread_t t, int sig, const union sigval v), (t, sig, v))
WRAP(int, pthread_sigmask, (int how, const sigset_t *set, sigset_t *old), (how, set, old))
DECLARE_REAL(pthread_setschedparam);
RTCHECK_EXPORT int pthread_setschedparam(pthread_t t, int policy, const struct sched_param *p) {
  ENTER(pthread_setschedparam);
  int r = REAL(pthread_setschedparam)(t, policy, p);
  LEAVE();
  if (r == 0)
    rtcheck_autoscope_pthread_setschedparam(t, policy, __builtin_return_address(0));
  return r;
}
WRAP(int, pthread_getschedparam, (pthread_t t, int *policy, struct sched_param *p), (t, policy, p))
WRAP(int, pthread_setschedprio, (pthread_t t, int prio), (t, prio))
WRAP(int, pthread_setaffinity_np, (pthread_t t, size_t n, const cpu_set_t *set), (t, n, set))
WRAP(int, pthread_getaffinity_np, (pthread_t t, size_t n, cpu_set_t *set), (t, n, set))
WRAP(int, pthread_setname_np, (pthread_t t, const char *name), (t, name))
WRAP(int, pthread_getname_np, (pthread_t t, char *name, size_t n), (t, name, n))
WRAP(int, pthread_getattr_np, (pthread_t t, pthread_attr_t *a), (t, a))
WRAP(int, pthread_attr_setaffinity_np, (pthread_attr_t * a, size_t n, const cpu_set_t *set),
     (a, n, set))
WRAP(int, pthread_attr_destroy, (pthread_attr_t * a), (a))
WRAP(int, sched_get_priority_max, (int policy), (policy))
WRAP(int, sched_get_priority_min, (int policy), (policy))
