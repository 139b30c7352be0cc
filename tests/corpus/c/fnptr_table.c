/* C: a table of handler pointers; the call reaches every address-taken function of that type. */
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

typedef void (*handler_fn)(int);

static void h_quiet(int v) { (void)v; }

static void h_log(int v) {
  printf("%d\n", v); // expect: syscall
}

static void h_alloc(int v) {
  free(malloc((size_t)v)); // expect: alloc
}

static void h_unlisted(int v) {
  puts("not address-taken");
  (void)v;
}

static const handler_fn g_table[] = {h_quiet, h_log, h_alloc};

RTCHECK_REALTIME(firmware_task) void dispatch(unsigned i, int v) {
  g_table[i % 3](v);
}

void shutdown(int v) { h_unlisted(v); }
