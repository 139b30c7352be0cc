/* #9 wrappers across TUs: main passes its callback to start_audio (audio.c), which passes it to install_callback (backend.c), which registers it with JACK: the callback is an audio root; a same-typed idle handler given to another wrapper is not. */
#include "audio.h"
#include <stdio.h>
#include <stdlib.h>

static int synth_process(jack_nframes_t n, void *arg) {
  (void)arg;
  float *tmp = malloc(n * sizeof(float)); // expect: alloc
  free(tmp); // expect: alloc
  return 0;
}

static int idle(jack_nframes_t n, void *arg) {
  (void)arg;
  printf("idle %u\n", n); /* never registered with JACK */
  return 0;
}

int main(void) {
  set_idle_handler(idle);
  return start_audio(synth_process, NULL);
}
