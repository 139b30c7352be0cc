/* #9 entries: the application's own wrapper passes its parameter on to jack_set_process_callback (start_audio(cb) -> install(cb) -> JACK); the callback named at the outer call is an audio root. */
#include <jack_decls.h>
#include <stdio.h>
#include <stdlib.h>

typedef int (*app_process_fn)(jack_nframes_t, void *);

static jack_client_t *g_client;

static int install(app_process_fn fn, void *arg) { return jack_set_process_callback(g_client, fn, arg); }

int start_audio(app_process_fn fn, void *arg) { return install(fn, arg); }

static int synth_process(jack_nframes_t n, void *arg) {
  (void)arg;
  float *tmp = calloc(n, sizeof(float)); // expect: alloc
  free(tmp); // expect: alloc
  return 0;
}

int main(void) {
  start_audio(synth_process, NULL);
  return 0;
}
