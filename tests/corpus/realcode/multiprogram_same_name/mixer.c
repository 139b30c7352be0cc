/* Programs "mixer" and "mixer_rt": the callback reaches the dsp_gain of the library each links. */
#include <jack_decls.h>

float dsp_gain(void);

static int on_process(jack_nframes_t n, void *arg) {
  float *out = arg;
  for (jack_nframes_t i = 0; i < n; ++i)
    out[i] *= dsp_gain();
  return 0;
}

int main(void) { return jack_set_process_callback(0, on_process, 0); }
