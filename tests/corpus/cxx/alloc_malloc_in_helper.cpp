// malloc/free in a user helper report inside the helper, not on the root's call of the helper.
#include <rtcheck/realtime.h>
#include <stdlib.h>

static void *g_block;

static void grow(unsigned bytes) {
  g_block = realloc(g_block, bytes);  // expect: alloc
}

static void reset() {
  free(g_block);  // expect: alloc
  g_block = calloc(4, 16);  // expect: alloc
}

RTCHECK_REALTIME(audio) void process() {
  grow(64);
  reset();
}
