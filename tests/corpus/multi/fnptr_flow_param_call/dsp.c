/* The parameter's targets are what apply()'s callers pass, and what pick_filter() returns. */
#include "dsp.h"
#include <stdio.h>
#include <stdlib.h>

static float lowpass(float x) { return x * 0.5f; }

static float steep_lowpass(float x) {
  static float *history;
  if (!history)
    history = calloc(64, sizeof(float)); // expect: alloc
  return x * 0.25f;
}

float print_filter(float x) {
  printf("%f\n", x); /* same type, never passed to apply() nor returned by pick_filter() */
  return x;
}

filter_fn g_debug_hook = print_filter;

filter_fn pick_filter(int steep) { return steep ? steep_lowpass : lowpass; }

void apply(filter_fn f, float *buf, int n) {
  for (int i = 0; i < n; ++i)
    buf[i] = f(buf[i]);
}
