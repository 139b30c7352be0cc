/* C: the __builtin_ spellings of the allocation functions (what some allocator macros and libraries call) allocate like malloc/calloc/realloc/free; a builtin with no rule (__builtin_memcpy) is as safe as before. */
#include <rtcheck/realtime.h>
#include <stddef.h>

static float *g_buf;
static float g_copy[16];

RTCHECK_REALTIME(audio) void process(size_t n) {
  float *tmp = __builtin_malloc(n * sizeof(float)); // expect: alloc
  float *zeros = __builtin_calloc(n, sizeof(float)); // expect: alloc
  g_buf = __builtin_realloc(g_buf, n * sizeof(float)); // expect: alloc
  __builtin_memcpy(g_copy, zeros, sizeof g_copy);
  __builtin_free(tmp); // expect: alloc
  __builtin_free(zeros); // expect: alloc
}
