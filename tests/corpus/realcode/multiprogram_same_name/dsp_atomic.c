/* Static library "dsp_atomic", linked into "mixer_rt": the same function, lock-free. Only the
   build says which of the two each program links: by name alone "dsp_atomic" sorts first. */
static float g_gain = 1.0f;

float dsp_gain(void) {
  float g;
  __atomic_load(&g_gain, &g, __ATOMIC_RELAXED);
  return g;
}
