/* JACK: the process callback, the process thread (one scope per cycle, between jack_cycle_wait and
 * jack_cycle_signal), and the transport sync and timebase callbacks run in scopes named after the
 * callback. Budget: the cycle's frame count / the client's sample rate (jack_get_sample_rate at
 * registration); the sync callback, which is given no frame count, uses the buffer size at
 * registration. Records are released when the client is closed or the callback replaced (JACK
 * refuses to change callbacks of an active client: jack.h "may only be called before
 * jack_activate"). Prototypes as in /usr/include/jack/jack.h and transport.h (JACK2 1.9.21),
 * written out so the shim needs no JACK headers or library. */
#include "autoscope.h"

#include <errno.h>

typedef struct jack_client_opaque jack_client_t;
typedef uint32_t jack_nframes_t;
typedef int jack_transport_state_t;
typedef struct jack_position_opaque jack_position_t;
typedef int (*JackProcessCallback)(jack_nframes_t nframes, void *arg);
typedef void *(*JackThreadCallback)(void *arg);
typedef int (*JackSyncCallback)(jack_transport_state_t state, jack_position_t *pos, void *arg);
typedef void (*JackTimebaseCallback)(jack_transport_state_t state, jack_nframes_t nframes,
                                     jack_position_t *pos, int new_pos, void *arg);

int jack_set_process_callback(jack_client_t *c, JackProcessCallback cb, void *arg);
int jack_set_process_thread(jack_client_t *c, JackThreadCallback cb, void *arg);
int jack_set_sync_callback(jack_client_t *c, JackSyncCallback cb, void *arg);
int jack_set_timebase_callback(jack_client_t *c, int conditional, JackTimebaseCallback cb,
                               void *arg);
jack_nframes_t jack_cycle_wait(jack_client_t *c);
void jack_cycle_signal(jack_client_t *c, int status);
jack_nframes_t jack_thread_wait(jack_client_t *c, int status);
int jack_client_close(jack_client_t *c);
jack_nframes_t jack_get_sample_rate(jack_client_t *c);
jack_nframes_t jack_get_buffer_size(jack_client_t *c);

AUTOSCOPE_DECLARE_REAL(jack_set_process_callback);
AUTOSCOPE_DECLARE_REAL(jack_set_process_thread);
AUTOSCOPE_DECLARE_REAL(jack_set_sync_callback);
AUTOSCOPE_DECLARE_REAL(jack_set_timebase_callback);
AUTOSCOPE_DECLARE_REAL(jack_cycle_wait);
AUTOSCOPE_DECLARE_REAL(jack_cycle_signal);
AUTOSCOPE_DECLARE_REAL(jack_thread_wait);
AUTOSCOPE_DECLARE_REAL(jack_client_close);
AUTOSCOPE_DECLARE_REAL(jack_get_sample_rate);
AUTOSCOPE_DECLARE_REAL(jack_get_buffer_size);

/* --- Trampolines ------------------------------------------------------------------------------ */

static int process_tramp(jack_nframes_t n, void *p) {
  const rtcheck_autoscope *rec = p;
  rtcheck_autoscope_begin(rec->name, rtcheck_autoscope_budget(n, rec->rate));
  int r = ((JackProcessCallback)rec->fn)(n, rec->arg);
  rtcheck_autoscope_end();
  return r;
}

static int sync_tramp(jack_transport_state_t state, jack_position_t *pos, void *p) {
  const rtcheck_autoscope *rec = p;
  rtcheck_autoscope_begin(rec->name, rec->budget_ns);
  int r = ((JackSyncCallback)rec->fn)(state, pos, rec->arg);
  rtcheck_autoscope_end();
  return r;
}

static void timebase_tramp(jack_transport_state_t state, jack_nframes_t n, jack_position_t *pos,
                           int new_pos, void *p) {
  const rtcheck_autoscope *rec = p;
  rtcheck_autoscope_begin(rec->name, rtcheck_autoscope_budget(n, rec->rate));
  ((JackTimebaseCallback)rec->fn)(state, n, pos, new_pos, rec->arg);
  rtcheck_autoscope_end();
}

/* The process thread: the record of the thread body running on this thread, and whether its
 * cycle scope is open. */
static RTCHECK_TLS const rtcheck_autoscope *cycle_rec;
static RTCHECK_TLS int cycle_open;

static void cycle_end(void) {
  if (cycle_rec && cycle_open) {
    cycle_open = 0;
    rtcheck_autoscope_end();
  }
}

static void cycle_begin(jack_nframes_t n) {
  if (cycle_rec && !cycle_open) {
    rtcheck_autoscope_begin(cycle_rec->name, rtcheck_autoscope_budget(n, cycle_rec->rate));
    cycle_open = 1;
  }
}

static void *thread_tramp(void *p) {
  const rtcheck_autoscope *rec = p;
  cycle_rec = rec;
  void *r = ((JackThreadCallback)rec->fn)(rec->arg);
  cycle_end();
  cycle_rec = 0;
  return r;
}

RTCHECK_EXPORT jack_nframes_t jack_cycle_wait(jack_client_t *c) {
  cycle_end();
  jack_nframes_t n = AUTOSCOPE_REAL(jack_cycle_wait)(c);
  int e = errno;
  cycle_begin(n);
  errno = e;
  return n;
}

RTCHECK_EXPORT void jack_cycle_signal(jack_client_t *c, int status) {
  cycle_end();
  AUTOSCOPE_REAL(jack_cycle_signal)(c, status);
}

RTCHECK_EXPORT jack_nframes_t jack_thread_wait(jack_client_t *c, int status) {
  cycle_end();
  jack_nframes_t n = AUTOSCOPE_REAL(jack_thread_wait)(c, status);
  int e = errno;
  cycle_begin(n);
  errno = e;
  return n;
}

/* --- Registrations ---------------------------------------------------------------------------- */

/* A record for callback `fn` of client `c`, named and with the client's rate and period; 0 when the
 * pool is full (the callback is then registered unchanged). */
static rtcheck_autoscope *prepare(int api, jack_client_t *c, void *fn, void *arg) {
  int e = errno;
  rtcheck_thread.guard++;
  rtcheck_autoscope *rec = rtcheck_autoscope_claim(api, c, fn, arg);
  if (rec) {
    char name[RTCHECK_AUTOSCOPE_NAME_MAX];
    rtcheck_autoscope_callback_name(fn, name, sizeof name);
    rec->name = rtcheck_autoscope_intern(name, api, rtcheck_autoscope_registration[api]);
    __typeof__(&jack_get_sample_rate) rate = AUTOSCOPE_REAL(jack_get_sample_rate);
    __typeof__(&jack_get_buffer_size) size = AUTOSCOPE_REAL(jack_get_buffer_size);
    rec->rate = rate ? rate(c) : 0;
    rec->budget_ns = size ? rtcheck_autoscope_budget(size(c), rec->rate) : 0;
  }
  rtcheck_thread.guard--;
  errno = e;
  return rec;
}

/* After the real registration: a failed one never uses the new record; a successful one replaces
 * the client's earlier registration of the same kind, whose record no thread can enter any more. */
static void settle(int api, jack_client_t *c, rtcheck_autoscope *rec, int status) {
  int e = errno;
  if (status != 0)
    rtcheck_autoscope_release(rec);
  else
    rtcheck_autoscope_release_owner(c, api, rec);
  errno = e;
}

/* The wrappers: the real function unchanged when nothing is to be wrapped (a null callback
 * unregisters) or the pool is full; otherwise the trampoline and the record. */
#define JACK_REGISTRATION(api, fn, params, plain_args, wrapped_args)                               \
  RTCHECK_EXPORT int fn params {                                                                   \
    __typeof__(&fn) real = AUTOSCOPE_REAL(fn);                                                     \
    if (!real) {                                                                                   \
      errno = ENOSYS;                                                                              \
      return -1;                                                                                   \
    }                                                                                              \
    rtcheck_autoscope *rec = cb ? prepare(api, c, (void *)cb, arg) : 0;                            \
    if (!rec) {                                                                                    \
      int r = real plain_args;                                                                     \
      if (!cb && r == 0)                                                                           \
        settle(api, c, 0, r);                                                                      \
      return r;                                                                                    \
    }                                                                                              \
    int r = real wrapped_args;                                                                     \
    settle(api, c, rec, r);                                                                        \
    return r;                                                                                      \
  }

JACK_REGISTRATION(RTCHECK_AS_jack_process, jack_set_process_callback,
                  (jack_client_t * c, JackProcessCallback cb, void *arg), (c, cb, arg),
                  (c, process_tramp, rec))
JACK_REGISTRATION(RTCHECK_AS_jack_thread, jack_set_process_thread,
                  (jack_client_t * c, JackThreadCallback cb, void *arg), (c, cb, arg),
                  (c, thread_tramp, rec))
JACK_REGISTRATION(RTCHECK_AS_jack_sync, jack_set_sync_callback,
                  (jack_client_t * c, JackSyncCallback cb, void *arg), (c, cb, arg),
                  (c, sync_tramp, rec))
JACK_REGISTRATION(RTCHECK_AS_jack_timebase, jack_set_timebase_callback,
                  (jack_client_t * c, int conditional, JackTimebaseCallback cb, void *arg),
                  (c, conditional, cb, arg), (c, conditional, timebase_tramp, rec))

RTCHECK_EXPORT int jack_client_close(jack_client_t *c) {
  __typeof__(&jack_client_close) real = AUTOSCOPE_REAL(jack_client_close);
  if (!real) {
    errno = ENOSYS;
    return -1;
  }
  int r = real(c);
  /* The client's threads are stopped: none of its trampolines runs any more. */
  int e = errno;
  rtcheck_autoscope_release_owner(c, -1, 0);
  errno = e;
  return r;
}
