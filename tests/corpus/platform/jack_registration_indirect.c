/* JACK registrations that do not name the callback directly: through a local function-pointer variable, through a cast, and through a conditional choosing between two callbacks; each callback is a root. */
// compile-flags: -std=gnu11
#include <jack/jack.h>
#include <stdlib.h>
#include <unistd.h>

static void *g_mem;

static int process_a(jack_nframes_t n, void *arg) {
  (void)arg;
  g_mem = malloc(n); // expect: alloc
  return 0;
}

static int process_b(jack_nframes_t n, void *arg) {
  (void)n;
  (void)arg;
  usleep(10); // expect: syscall
  return 0;
}

static int process_c(unsigned int n, jack_client_t *client) {
  jack_port_register(client, "late", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, n); // expect: syscall
  return 0;
}

static int process_d(jack_nframes_t n, void *arg) {
  (void)arg;
  free(g_mem); // expect: alloc
  return (int)n;
}

void setup(jack_client_t *c1, jack_client_t *c2, jack_client_t *c3, int fast) {
  JackProcessCallback cb = process_a;
  jack_set_process_callback(c1, cb, NULL);
  jack_set_process_callback(c2, (JackProcessCallback)process_c, c2);
  jack_set_process_callback(c3, fast ? process_b : process_d, NULL);
}
