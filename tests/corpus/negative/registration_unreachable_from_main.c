/* #10 entries: a registration in a function the program never calls (from main or anything else that runs) registers nothing: the callback is not a root. */
#include <jack_decls.h>
#include <stdlib.h>

static float *g_buf;

static int process(jack_nframes_t nframes, void *arg) {
  (void)arg;
  g_buf = malloc(nframes * sizeof(float));
  return 0;
}

int start_audio(jack_client_t *client) { return jack_set_process_callback(client, process, 0); }

static int list_devices(void) { return 0; }

int main(void) { return list_devices(); }
