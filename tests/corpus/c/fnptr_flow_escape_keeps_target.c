/* #10 escapes: a function whose address goes where the analysis cannot see (a library without a body, a void * field) stays a target of calls through pointers that may come back from there; a same-typed function kept in the program's own field does not. */
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

typedef void (*event_fn)(int code);

/* A library without a body here: it keeps the handler and hands it back later. */
void lib_set_event_handler(event_fn fn);
event_fn lib_get_event_handler(void);

struct context {
  void *user_hook; /* untyped storage: what is stored here escapes */
  event_fn local;  /* only ever holds on_local */
};

static struct context g_ctx;

static void on_event(int code) {
  printf("event %d\n", code); // expect: syscall
}

static void on_hook(int code) {
  free(malloc((size_t)code)); // expect: alloc
}

static void on_local(int code) { (void)code; }

static void on_unrelated(int code) {
  puts("never escapes, never stored where the audio thread reads");
  (void)code;
}

static event_fn g_unrelated = on_unrelated;

void setup(void) {
  lib_set_event_handler(on_event);
  g_ctx.user_hook = (void *)on_hook;
  g_ctx.local = on_local;
}

RTCHECK_REALTIME(audio) void process(int code) {
  event_fn from_library = lib_get_event_handler(); // expect: unknown
  from_library(code);
  ((event_fn)g_ctx.user_hook)(code);
  g_ctx.local(code);
}

void shutdown(int code) { g_unrelated(code); }
