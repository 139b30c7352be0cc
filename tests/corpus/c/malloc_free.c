/* C: malloc/calloc/realloc/free reached from a root are alloc findings where they are called. */
#include <rtcheck/realtime.h>
#include <stdlib.h>

static float *g_buf;

static void resize(size_t n) {
  g_buf = realloc(g_buf, n * sizeof(float)); // expect: alloc
}

RTCHECK_REALTIME(audio) void process(size_t n) {
  float *tmp = malloc(n * sizeof(float)); // expect: alloc
  float *zero = calloc(n, sizeof(float)); // expect: alloc
  resize(n);
  free(tmp); // expect: alloc
  free(zero); // expect: alloc
}
