/* Done-criterion: an unannotated JACK process callback is a root through jack_set_process_callback; its violations (direct and in a helper) are reported, its RT-safe JACK calls are not. */
#include <jack/jack.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jack_port_t *g_out;
static jack_client_t *g_client;
static float *g_scratch;

static void log_overload(jack_nframes_t nframes) {
  fprintf(stderr, "overload at %u frames\n", nframes); // expect: syscall
}

static int process(jack_nframes_t nframes, void *arg) {
  jack_client_t *client = (jack_client_t *)arg;
  float *out = (float *)jack_port_get_buffer(g_out, nframes);
  memset(out, 0, sizeof(float) * nframes);
  g_scratch = (float *)malloc(sizeof(float) * nframes); // expect: alloc
  jack_port_register(client, "late", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0); // expect: syscall
  if (jack_cpu_load(client) > 90.0f)
    log_overload(nframes);
  return 0;
}

int main(void) {
  g_client = jack_client_open("case", JackNullOption, NULL);
  g_out = jack_port_register(g_client, "out", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
  jack_set_process_callback(g_client, process, g_client);
  jack_activate(g_client);
  return 0;
}
