/* Unit generators: calc functions take their own derived struct and are stored through a cast. */
#include "unit.h"
#include <stdio.h>
#include <stdlib.h>

struct sine {
  struct unit base;
  float phase;
};

static void sine_calc(struct sine *s, int frames) {
  s->base.out = realloc(s->base.out, (size_t)frames * sizeof(float)); // expect: alloc
}

static void noise_calc(struct unit *u, int frames) {
  fprintf(stderr, "noise %d\n", frames); // expect: syscall
  (void)u;
}

static void dump_command(struct unit *u, int frames) {
  printf("%p %d\n", (void *)u, frames); /* stored into command::run only */
}

void sine_ctor(struct unit *u) { u->calc = (unit_calc_fn)sine_calc; }

void noise_ctor(struct unit *u) { u->calc = (void (*)(struct unit *, int))(void (*)(void))noise_calc; }

void queue_command(struct command *c) { c->run = dump_command; }
