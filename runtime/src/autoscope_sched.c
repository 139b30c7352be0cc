/* Threads the program makes real-time: a thread created with an explicit SCHED_FIFO or SCHED_RR
 * attribute, or that raises itself with pthread_setschedparam or sched_setscheduler, runs in a
 * thread scope from then on (until it exits, or until it first runs a wrapped callback, whose scope
 * then is the outermost one: autoscope.c). A thread scope has no budget; its name is the thread's
 * start routine, or the function that raised it: "thread <symbol (module)>".
 * A thread raised by another thread (pthread_setschedparam on another pthread_t, sched_setscheduler
 * on another thread id) is noted in a small table; a scope can only be opened by its own thread, so
 * the raised thread opens it at its next interposed call (rtcheck_enter sees rtcheck_raised_gen
 * change), named after the function that raised it.
 * An audio library's own real-time thread (libjack and libportaudio raise theirs) gets no thread
 * scope: its real-time work is the wrapped callbacks, and between them the library waits for the
 * next cycle by design (futexes, FIFO reads) - a thread scope would count that waiting and, under
 * --trap, stop every JACK client at its thread's start. Such a library is recognised by the
 * registration functions of autoscopes.def it defines. */
#include "interceptor.h" /* first: it decides how glibc headers define stdio */
#include "autoscope.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <unistd.h>

static int is_realtime(int policy) {
  policy &= ~SCHED_RESET_ON_FORK;
  return policy == SCHED_FIFO || policy == SCHED_RR;
}

static const char *thread_scope_name(int api, const void *fn) {
  char name[RTCHECK_AUTOSCOPE_NAME_MAX], callback[RTCHECK_AUTOSCOPE_NAME_MAX - 8];
  rtcheck_autoscope_callback_name(fn, callback, sizeof callback);
  snprintf(name, sizeof name, "thread %s", callback);
  return rtcheck_autoscope_intern(name, api, "thread");
}

/* --- Closing the scope when the thread ends ----------------------------------------------------
 */

static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static void close_thread_scope(void *unused) {
  (void)unused;
  rtcheck_thread_state *t = &rtcheck_thread;
  if (rtcheck_autoscope_thread_scope && t->depth == 1 &&
      t->frames[0].name == rtcheck_autoscope_thread_scope)
    rtcheck_autoscope_end();
}

static void make_exit_key(void) { pthread_key_create(&exit_key, close_thread_scope); }

/* Opens this thread's scope after it was raised from `caller`. Keeps errno. */
static void raised(int api, const void *caller) {
  if (rtcheck_autoscope_thread_scope || rtcheck_thread.depth != 0)
    return;
  int e = errno;
  rtcheck_thread.guard++;
  if (rtcheck_autoscope_in_audio_library(caller)) {
    rtcheck_thread.guard--;
    errno = e;
    return;
  }
  const char *name = thread_scope_name(api, caller);
  pthread_once(&exit_key_once, make_exit_key);
  pthread_setspecific(exit_key, (void *)1);
  rtcheck_thread.guard--;
  rtcheck_autoscope_open_thread_scope(name);
  errno = e;
}

/* --- Threads raised by another thread --------------------------------------------------------- */

#define RAISED_SLOTS 64
enum { SLOT_FREE, SLOT_FILLING, SLOT_READY };
typedef struct raised_slot {
  uint32_t state;
  pthread_t thread; /* pthread_setschedparam's target, or */
  pid_t tid;        /* sched_setscheduler's (0 when by pthread_t) */
  int api;
  const void *raiser;
} raised_slot;
static raised_slot raised_others[RAISED_SLOTS];
uint32_t rtcheck_raised_gen;

/* Notes that `thread` (or the thread `tid`) was raised from `raiser`. A full table (64 threads
 * raised and not yet seen running) leaves the thread unseen. */
static void note_raised_other(pthread_t thread, pid_t tid, int api, const void *raiser) {
  int e = errno;
  rtcheck_thread.guard++;
  int library = rtcheck_autoscope_in_audio_library(raiser);
  rtcheck_thread.guard--;
  errno = e;
  if (library)
    return;
  for (unsigned i = 0; i < RAISED_SLOTS; i++) {
    raised_slot *s = &raised_others[i];
    uint32_t expected = SLOT_FREE;
    if (!__atomic_compare_exchange_n(&s->state, &expected, SLOT_FILLING, 0, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
      continue;
    s->thread = thread;
    s->tid = tid;
    s->api = api;
    s->raiser = raiser;
    __atomic_store_n(&s->state, SLOT_READY, __ATOMIC_RELEASE);
    __atomic_fetch_add(&rtcheck_raised_gen, 1, __ATOMIC_RELEASE);
    return;
  }
}

int rtcheck_autoscope_adopt_raise(void) {
  rtcheck_thread_state *t = &rtcheck_thread;
  t->raised_seen = __atomic_load_n(&rtcheck_raised_gen, __ATOMIC_ACQUIRE);
  pthread_t self = pthread_self();
  pid_t tid = 0;
  for (unsigned i = 0; i < RAISED_SLOTS; i++) {
    raised_slot *s = &raised_others[i];
    if (__atomic_load_n(&s->state, __ATOMIC_ACQUIRE) != SLOT_READY)
      continue;
    if (s->tid) {
      if (!tid) {
        int e = errno;
        tid = gettid();
        errno = e;
      }
      if (s->tid != tid)
        continue;
    } else if (!pthread_equal(s->thread, self)) {
      continue;
    }
    int api = s->api;
    const void *raiser = s->raiser;
    uint32_t expected = SLOT_READY;
    if (!__atomic_compare_exchange_n(&s->state, &expected, SLOT_FREE, 0, __ATOMIC_ACQ_REL,
                                     __ATOMIC_RELAXED))
      continue;
    raised(api, raiser);
    return t->depth > 0;
  }
  return 0;
}

/* The address of the function that made the call whose return address is `ret` (its symbol's
 * start, so every call from one function names one scope). */
static const void *function_of(const void *ret) {
  Dl_info info;
  if (dladdr((const char *)ret - 1, &info) && info.dli_saddr)
    return info.dli_saddr;
  return ret;
}

/* Called by the pthread_setschedparam and sched_setscheduler interceptors (they also count the
 * call as a violation inside a scope) after the real call succeeded; `ret` is their return
 * address, in the program. */
void rtcheck_autoscope_pthread_setschedparam(pthread_t thread, int policy, const void *ret) {
  if (!is_realtime(policy))
    return;
  if (pthread_equal(thread, pthread_self()))
    raised(RTCHECK_AS_sched_pthread_setschedparam, function_of(ret));
  else
    note_raised_other(thread, 0, RTCHECK_AS_sched_pthread_setschedparam, function_of(ret));
}

void rtcheck_autoscope_sched_setscheduler(pid_t pid, int policy, const void *ret) {
  if (!is_realtime(policy))
    return;
  if (pid == 0 || pid == gettid())
    raised(RTCHECK_AS_sched_setscheduler, function_of(ret));
  else
    note_raised_other(pthread_self(), pid, RTCHECK_AS_sched_setscheduler, function_of(ret));
}

/* --- Threads created real-time ---------------------------------------------------------------- */

typedef void *(*start_fn)(void *);

static void *created_tramp(void *p) {
  rtcheck_autoscope *rec = p;
  start_fn fn = (start_fn)rec->fn;
  void *arg = rec->arg;
  const char *name = rec->name;
  rtcheck_autoscope_release(rec);
  rtcheck_thread.guard++;
  pthread_once(&exit_key_once, make_exit_key);
  pthread_setspecific(exit_key, (void *)1);
  rtcheck_thread.guard--;
  rtcheck_autoscope_open_thread_scope(name);
  return fn(arg);
}

void rtcheck_autoscope_thread_create(const pthread_attr_t *attr, start_fn *fn, void **arg) {
  int inherit = PTHREAD_INHERIT_SCHED, policy = SCHED_OTHER;
  if (!attr || pthread_attr_getinheritsched(attr, &inherit) != 0 ||
      inherit != PTHREAD_EXPLICIT_SCHED || pthread_attr_getschedpolicy(attr, &policy) != 0 ||
      !is_realtime(policy))
    return;
  int e = errno;
  rtcheck_thread.guard++;
  int library = rtcheck_autoscope_in_audio_library((const void *)*fn);
  rtcheck_thread.guard--;
  rtcheck_autoscope *rec =
      library ? 0 : rtcheck_autoscope_claim(RTCHECK_AS_sched_pthread_create, 0, (void *)*fn, *arg);
  if (rec) {
    rtcheck_autoscope_set_owner(rec, rec);
    rec->name = thread_scope_name(RTCHECK_AS_sched_pthread_create, (const void *)*fn);
    *fn = created_tramp;
    *arg = rec;
  }
  errno = e;
}

void rtcheck_autoscope_thread_create_failed(void *arg) {
  /* pthread_create failed: the thread never ran, so its record (if it was given one) is free. */
  if (rtcheck_autoscope_owns(arg))
    rtcheck_autoscope_release(arg);
}
