/* #9 programs: program "noisy" — same function name, but this render allocates. */
#include <jack_decls.h>
#include <stdlib.h>

void render(float *buf, unsigned n) {
  float *tmp = malloc(n * sizeof(float)); // expect: alloc
  for (unsigned i = 0; i < n; ++i)
    buf[i] = tmp[i];
  free(tmp); // expect: alloc
}

static float g_buf[1024];

static int on_process(jack_nframes_t n, void *arg) {
  (void)arg;
  render(g_buf, n > 1024 ? 1024 : n);
  return 0;
}

int main(void) { return jack_set_process_callback(0, on_process, 0); }
