/* Lock and wait interceptors: pthread mutexes, rwlocks, spinlocks, condition variables, barriers,
 * joins, POSIX semaphores, and C11 mutexes and condition variables (glibc implements those
 * with internal calls, so they are interposed themselves) (categories from rules/pthread.json).
 * pthread_spin_unlock is safe in rules/ and is not interposed. */
#include "interceptor.h"

#include <pthread.h>
#include <semaphore.h>
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
