/* #10 variables: a call through a global reaches what is assigned to it anywhere, a call through a conditional reaches both branches, a call through a pointer read back through its own address (`*pp`) reaches every escaped function of its type; a same-typed function stored elsewhere is not a target. */
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>

typedef void (*tick_fn)(void);

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

static void tick_alloc(void) {
  free(malloc(16)); // expect: alloc
}

static void tick_lock(void) {
  pthread_mutex_lock(&g_lock); // expect: lock
  pthread_mutex_unlock(&g_lock); // expect: lock
}

static void tick_print(void) {
  puts("tick"); // expect: syscall
}

static void tick_quiet(void) {}

static void tick_elsewhere(void) {
  puts("stored only in g_other, which the root never calls");
}

static tick_fn g_tick;
static tick_fn g_other;
static tick_fn g_exposed;

void install_exposed(tick_fn *slot);

void setup(int mode) {
  g_tick = mode ? tick_alloc : tick_quiet;
  g_other = tick_elsewhere;
  g_exposed = tick_print;
  install_exposed(&g_exposed); /* its address escapes: a library may read or write it */
}

RTCHECK_REALTIME(audio) void process(int fast) {
  g_tick();
  (fast ? tick_quiet : tick_lock)();
  tick_fn *pp = &g_exposed;
  (*pp)();
}

void other(void) { g_other(); }
