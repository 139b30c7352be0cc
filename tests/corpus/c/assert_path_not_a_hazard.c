/* #10 causes (3): a failing assert() ends the program; it is not a real-time hazard by default (69% / 43% of two code bases' findings; PortAudio's process path: 13 of 25 sampled). An option turns the report back on. Note: c/assert_macro.c encodes today's opposite behaviour and changes with the fix. */
#include <assert.h>
#include <rtcheck/realtime.h>
#include <stdlib.h>

static float *g_out;

RTCHECK_REALTIME(audio) void set_output(float *data, unsigned channel, unsigned channels) {
  assert(data != NULL);
  assert(channel < channels);
  if (!g_out)
    g_out = malloc(channels * sizeof(float)); // expect: alloc
  g_out[channel] = data[0];
}
