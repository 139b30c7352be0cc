// A call through a function pointer reaches every address-taken function of the same type.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

using Handler = void (*)(int);

static void on_note(int note) {
  printf("note %d\n", note);  // expect: syscall
}

static void on_stop(int code) {
  exit(code);
}

static void on_grow(int bytes) {
  void *p = malloc(static_cast<unsigned>(bytes));  // expect: alloc
  free(p);  // expect: alloc
}

static void never_taken(int bytes) {
  free(malloc(static_cast<unsigned>(bytes)));
}

static void other_type(long bytes) {
  free(malloc(static_cast<unsigned>(bytes)));
}

Handler g_handler = on_note;
void (*g_other)(long) = other_type;

void install(bool grow) { g_handler = grow ? on_grow : on_note; }

RTCHECK_REALTIME(audio) void process(int v) {
  g_handler(v);
}

void offline(int v) {
  never_taken(v);
  on_stop(v);
}
