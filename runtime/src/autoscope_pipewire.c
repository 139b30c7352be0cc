/* PipeWire: the `process` event of a pw_stream or pw_filter listener runs in a scope named after the
 * program's process function. Budget: the graph cycle the call belongs to, the position's clock
 * duration x rate (quantum / sample rate): a filter's process is handed the position; a stream's
 * comes from its SPA_IO_Position io area, which the shim learns through the io_changed event.
 *
 * PipeWire calls every event of a listener with the one `data` pointer given to add_listener, so
 * the shim cannot replace `process` alone: it hands PipeWire a copy of the program's events whose
 * every non-null event is a forwarding trampoline, with `data` pointing at a wrap record that holds
 * the program's events and data. The copy lives in the record, which is released only after
 * pw_stream_destroy / pw_filter_destroy returns (a listener removed with spa_hook_remove, an inline
 * function in the program, keeps its record until then). Events structs of a version newer than
 * the one written out here, and listeners without `process`, are registered unchanged.
 * Structs as in /usr/include/pipewire-0.3/pipewire/{stream,filter}.h and spa/node/io.h (PipeWire
 * 0.3.65), written out so the shim needs no PipeWire headers or library. */
#include "autoscope.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

struct pw_stream;
struct pw_filter;
struct spa_hook;

typedef struct pw_stream_events {
  uint32_t version; /* 0: up to drained; 1: + command; 2: + trigger_done */
  void (*destroy)(void *data);
  void (*state_changed)(void *data, int old, int state, const char *error);
  void (*control_info)(void *data, uint32_t id, const void *control);
  void (*io_changed)(void *data, uint32_t id, void *area, uint32_t size);
  void (*param_changed)(void *data, uint32_t id, const void *param);
  void (*add_buffer)(void *data, void *buffer);
  void (*remove_buffer)(void *data, void *buffer);
  void (*process)(void *data);
  void (*drained)(void *data);
  void (*command)(void *data, const void *command);
  void (*trigger_done)(void *data);
} pw_stream_events;
#define PW_STREAM_EVENTS_KNOWN 2u

typedef struct pw_filter_events {
  uint32_t version; /* 0: up to drained; 1: + command */
  void (*destroy)(void *data);
  void (*state_changed)(void *data, int old, int state, const char *error);
  void (*io_changed)(void *data, void *port_data, uint32_t id, void *area, uint32_t size);
  void (*param_changed)(void *data, void *port_data, uint32_t id, const void *param);
  void (*add_buffer)(void *data, void *port_data, void *buffer);
  void (*remove_buffer)(void *data, void *port_data, void *buffer);
  void (*process)(void *data, void *position);
  void (*drained)(void *data);
  void (*command)(void *data, const void *command);
} pw_filter_events;
#define PW_FILTER_EVENTS_KNOWN 1u

/* The leading part of struct spa_io_position: its clock (struct spa_io_clock). */
typedef struct spa_io_clock_head {
  uint32_t flags;
  uint32_t id;
  char name[64];
  uint64_t nsec;
  uint32_t rate_num, rate_denom;
  uint64_t position;
  uint64_t duration;
} spa_io_clock_head;
#define SPA_IO_POSITION 7u

void pw_stream_add_listener(struct pw_stream *stream, struct spa_hook *listener,
                            const pw_stream_events *events, void *data);
void pw_filter_add_listener(struct pw_filter *filter, struct spa_hook *listener,
                            const pw_filter_events *events, void *data);
void pw_stream_destroy(struct pw_stream *stream);
void pw_filter_destroy(struct pw_filter *filter);

AUTOSCOPE_DECLARE_REAL(pw_stream_add_listener);
AUTOSCOPE_DECLARE_REAL(pw_filter_add_listener);
AUTOSCOPE_DECLARE_REAL(pw_stream_destroy);
AUTOSCOPE_DECLARE_REAL(pw_filter_destroy);

#define PW_WRAPS 64

typedef struct pw_wrap {
  uint32_t state;      /* 0 free, 1 being filled, 2 live */
  const void *owner;   /* the pw_stream or pw_filter */
  const void *events;  /* the program's events struct */
  void *data;          /* the program's data */
  const char *name;    /* interned scope name */
  void *position;      /* a stream's SPA_IO_Position area, or 0 */
  union {
    pw_stream_events stream;
    pw_filter_events filter;
  } copy;              /* what PipeWire calls */
} pw_wrap;

static pw_wrap wraps[PW_WRAPS];

/* quantum / rate of the cycle, from the position's clock; 0 when there is none. */
static uint64_t cycle_budget(const void *position) {
  const spa_io_clock_head *c = position;
  if (!c || !c->rate_denom)
    return 0;
  return c->duration * 1000000000ull * c->rate_num / c->rate_denom;
}

/* --- pw_stream trampolines: forward to the program's events with its data --------------------- */

#define SE(w) ((const pw_stream_events *)((pw_wrap *)(w))->events)
#define PD(w) (((pw_wrap *)(w))->data)

static void s_destroy(void *w) { SE(w)->destroy(PD(w)); }
static void s_state_changed(void *w, int old, int state, const char *error) {
  SE(w)->state_changed(PD(w), old, state, error);
}
static void s_control_info(void *w, uint32_t id, const void *control) {
  SE(w)->control_info(PD(w), id, control);
}
/* Always installed: it keeps the position area for the budget, then forwards (if the program
 * listens). */
static void s_io_changed(void *w, uint32_t id, void *area, uint32_t size) {
  if (id == SPA_IO_POSITION)
    __atomic_store_n(&((pw_wrap *)w)->position, size >= sizeof(spa_io_clock_head) ? area : 0,
                     __ATOMIC_RELEASE);
  if (SE(w)->io_changed)
    SE(w)->io_changed(PD(w), id, area, size);
}
static void s_param_changed(void *w, uint32_t id, const void *param) {
  SE(w)->param_changed(PD(w), id, param);
}
static void s_add_buffer(void *w, void *buffer) { SE(w)->add_buffer(PD(w), buffer); }
static void s_remove_buffer(void *w, void *buffer) { SE(w)->remove_buffer(PD(w), buffer); }
static void s_process(void *w) {
  const pw_wrap *wrap = w;
  rtcheck_autoscope_begin(wrap->name,
                          cycle_budget(__atomic_load_n(&wrap->position, __ATOMIC_ACQUIRE)));
  SE(w)->process(PD(w));
  rtcheck_autoscope_end();
}
static void s_drained(void *w) { SE(w)->drained(PD(w)); }
static void s_command(void *w, const void *command) { SE(w)->command(PD(w), command); }
static void s_trigger_done(void *w) { SE(w)->trigger_done(PD(w)); }

/* --- pw_filter trampolines ------------------------------------------------------------------- */

#define FE(w) ((const pw_filter_events *)((pw_wrap *)(w))->events)

static void f_destroy(void *w) { FE(w)->destroy(PD(w)); }
static void f_state_changed(void *w, int old, int state, const char *error) {
  FE(w)->state_changed(PD(w), old, state, error);
}
static void f_io_changed(void *w, void *port, uint32_t id, void *area, uint32_t size) {
  FE(w)->io_changed(PD(w), port, id, area, size);
}
static void f_param_changed(void *w, void *port, uint32_t id, const void *param) {
  FE(w)->param_changed(PD(w), port, id, param);
}
static void f_add_buffer(void *w, void *port, void *buffer) {
  FE(w)->add_buffer(PD(w), port, buffer);
}
static void f_remove_buffer(void *w, void *port, void *buffer) {
  FE(w)->remove_buffer(PD(w), port, buffer);
}
static void f_process(void *w, void *position) {
  rtcheck_autoscope_begin(((const pw_wrap *)w)->name, cycle_budget(position));
  FE(w)->process(PD(w), position);
  rtcheck_autoscope_end();
}
static void f_drained(void *w) { FE(w)->drained(PD(w)); }
static void f_command(void *w, const void *command) { FE(w)->command(PD(w), command); }

/* --- Registration ---------------------------------------------------------------------------- */

/* A wrap record named after `process`, in state 1 (the caller fills the copy, then publishes it
 * with publish()), or 0 when the pool is full. */
static pw_wrap *claim(int api, const void *owner, const void *events, void *data, void *process) {
  for (unsigned i = 0; i < PW_WRAPS; i++) {
    pw_wrap *w = &wraps[i];
    uint32_t expected = 0;
    if (__atomic_load_n(&w->state, __ATOMIC_RELAXED) != 0 ||
        !__atomic_compare_exchange_n(&w->state, &expected, 1, 0, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
      continue;
    w->owner = owner;
    w->events = events;
    w->data = data;
    w->position = 0;
    memset(&w->copy, 0, sizeof w->copy);
    char name[RTCHECK_AUTOSCOPE_NAME_MAX];
    rtcheck_autoscope_callback_name(process, name, sizeof name);
    w->name = rtcheck_autoscope_intern(name, api, rtcheck_autoscope_registration[api]);
    return w;
  }
  return 0;
}

static void publish(pw_wrap *w) { __atomic_store_n(&w->state, 2, __ATOMIC_RELEASE); }

/* The owner was destroyed: its listeners are gone and no thread runs their events any more. */
static void release_owner(const void *owner) {
  for (unsigned i = 0; i < PW_WRAPS; i++)
    if (__atomic_load_n(&wraps[i].state, __ATOMIC_ACQUIRE) == 2 && wraps[i].owner == owner)
      __atomic_store_n(&wraps[i].state, 0, __ATOMIC_RELEASE);
}

#define FORWARD(copy, from, field, tramp) ((copy)->field = (from)->field ? tramp : 0)

static pw_wrap *wrap_stream(struct pw_stream *stream, const pw_stream_events *ev, void *data) {
  if (!ev || !ev->process || ev->version > PW_STREAM_EVENTS_KNOWN)
    return 0;
  pw_wrap *w = claim(RTCHECK_AS_pw_stream_process, stream, ev, data, (void *)ev->process);
  if (!w)
    return 0;
  pw_stream_events *c = &w->copy.stream;
  c->version = ev->version;
  FORWARD(c, ev, destroy, s_destroy);
  FORWARD(c, ev, state_changed, s_state_changed);
  FORWARD(c, ev, control_info, s_control_info);
  c->io_changed = s_io_changed;
  FORWARD(c, ev, param_changed, s_param_changed);
  FORWARD(c, ev, add_buffer, s_add_buffer);
  FORWARD(c, ev, remove_buffer, s_remove_buffer);
  c->process = s_process;
  FORWARD(c, ev, drained, s_drained);
  if (ev->version >= 1)
    FORWARD(c, ev, command, s_command);
  if (ev->version >= 2)
    FORWARD(c, ev, trigger_done, s_trigger_done);
  publish(w);
  return w;
}

static pw_wrap *wrap_filter(struct pw_filter *filter, const pw_filter_events *ev, void *data) {
  if (!ev || !ev->process || ev->version > PW_FILTER_EVENTS_KNOWN)
    return 0;
  pw_wrap *w = claim(RTCHECK_AS_pw_filter_process, filter, ev, data, (void *)ev->process);
  if (!w)
    return 0;
  pw_filter_events *c = &w->copy.filter;
  c->version = ev->version;
  FORWARD(c, ev, destroy, f_destroy);
  FORWARD(c, ev, state_changed, f_state_changed);
  FORWARD(c, ev, io_changed, f_io_changed);
  FORWARD(c, ev, param_changed, f_param_changed);
  FORWARD(c, ev, add_buffer, f_add_buffer);
  FORWARD(c, ev, remove_buffer, f_remove_buffer);
  c->process = f_process;
  FORWARD(c, ev, drained, f_drained);
  if (ev->version >= 1)
    FORWARD(c, ev, command, f_command);
  publish(w);
  return w;
}

RTCHECK_EXPORT void pw_stream_add_listener(struct pw_stream *stream, struct spa_hook *listener,
                                           const pw_stream_events *events, void *data) {
  __typeof__(&pw_stream_add_listener) real = AUTOSCOPE_REAL(pw_stream_add_listener);
  if (!real)
    return;
  int e = errno;
  rtcheck_thread.guard++;
  pw_wrap *w = wrap_stream(stream, events, data);
  rtcheck_thread.guard--;
  errno = e;
  if (w)
    real(stream, listener, &w->copy.stream, w);
  else
    real(stream, listener, events, data);
}

RTCHECK_EXPORT void pw_filter_add_listener(struct pw_filter *filter, struct spa_hook *listener,
                                           const pw_filter_events *events, void *data) {
  __typeof__(&pw_filter_add_listener) real = AUTOSCOPE_REAL(pw_filter_add_listener);
  if (!real)
    return;
  int e = errno;
  rtcheck_thread.guard++;
  pw_wrap *w = wrap_filter(filter, events, data);
  rtcheck_thread.guard--;
  errno = e;
  if (w)
    real(filter, listener, &w->copy.filter, w);
  else
    real(filter, listener, events, data);
}

RTCHECK_EXPORT void pw_stream_destroy(struct pw_stream *stream) {
  __typeof__(&pw_stream_destroy) real = AUTOSCOPE_REAL(pw_stream_destroy);
  if (!real)
    return;
  real(stream);
  release_owner(stream);
}

RTCHECK_EXPORT void pw_filter_destroy(struct pw_filter *filter) {
  __typeof__(&pw_filter_destroy) real = AUTOSCOPE_REAL(pw_filter_destroy);
  if (!real)
    return;
  real(filter);
  release_owner(filter);
}
