/* C: every address-taken function of the called pointer type is safe; the unsafe one has another type. */
#include <rtcheck/realtime.h>
#include <stdlib.h>

typedef float (*gain_fn)(float);

static float half(float x) { return x * 0.5f; }
static float twice(float x) { return x * 2.0f; }
static void *grow(size_t n) { return malloc(n); }

static gain_fn g_gain = half;
static void *(*g_grow)(size_t) = grow;

void select_twice(void) { g_gain = twice; }

RTCHECK_REALTIME(audio) float process(float x) {
  return g_gain(x);
}
