/* #10 parameters: a helper only ever called directly reaches exactly what its callers pass, even when a same-typed function escapes to a library elsewhere; a helper whose own address escapes may be called with any escaped function of its parameter's type. */
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

typedef void (*visit_fn)(float *sample);
typedef void (*indexed_visit_fn)(float *sample, int index);

/* A library without a body here. */
void lib_register_visitor(visit_fn fn);
void lib_register_indexed_visitor(indexed_visit_fn fn);
void lib_register_walker(void (*walk)(indexed_visit_fn, float *, int));

static void clamp(float *sample) {
  if (*sample > 1.0f)
    *sample = 1.0f;
}

static void log_sample(float *sample) {
  printf("%f\n", *sample); /* escapes to the library, never passed to for_each */
}

static void for_each(visit_fn fn, float *buf, int n) {
  for (int i = 0; i < n; ++i)
    fn(&buf[i]);
}

static void clamp_indexed(float *sample, int index) {
  (void)index;
  clamp(sample);
}

static void trace_indexed(float *sample, int index) {
  fprintf(stderr, "%d: %f\n", index, *sample); // expect: syscall
}

static void walk_each(indexed_visit_fn fn, float *buf, int n) {
  for (int i = 0; i < n; ++i)
    fn(&buf[i], i);
}

void setup(void) {
  lib_register_visitor(log_sample);
  lib_register_indexed_visitor(trace_indexed);
  lib_register_walker(walk_each); /* the library may call walk_each with any escaped visitor */
}

RTCHECK_REALTIME(audio) void process(float *buf, int n) {
  for_each(clamp, buf, n);
  walk_each(clamp_indexed, buf, n);
}
