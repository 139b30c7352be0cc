/* A server's unit generators: each stores its calc function, cast to the generic type, into the unit. */
#ifndef FNPTR_FLOW_FIELD_CAST_UNIT_H
#define FNPTR_FLOW_FIELD_CAST_UNIT_H

struct unit;
typedef void (*unit_calc_fn)(struct unit *u, int frames);

struct unit {
  unit_calc_fn calc;
  float *out;
};

struct command {
  unit_calc_fn run; /* same type, another record: never called by the audio thread */
};

void sine_ctor(struct unit *u);
void noise_ctor(struct unit *u);
void queue_command(struct command *c);

#endif
