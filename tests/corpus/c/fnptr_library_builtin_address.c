/* C: the address of a library function the compiler knows as a builtin (malloc as an allocator hook) is an indirect-call target like any other, so the call through the hook allocates. */
#include <rtcheck/realtime.h>
#include <stdlib.h>

typedef void *(*alloc_fn)(size_t);

static alloc_fn g_alloc;
static void *g_block;

void use_libc_allocator(void) { g_alloc = malloc; }

RTCHECK_REALTIME(audio) void process(size_t n) {
  g_block = g_alloc(n); // expect: alloc
}
