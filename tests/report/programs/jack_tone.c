/* A small JACK client outside the samples, for `rtcheck report` end to end: it plays a tone on
 * one output port for --seconds, marks its process callback with RTCHECK_SCOPE, and makes the
 * mistake real clients make: it allocates a scratch buffer in the callback when the period size
 * is not the one it prepared for (here: every period, as it never prepares one).
 *   jack_tone [SECONDS]     (needs a running JACK server, e.g. `jackd -d dummy`)
 */
#include <rtcheck/realtime.h>

#include <jack/jack.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct tone {
  jack_port_t *out;
  double phase, step;
  float *scratch;
  jack_nframes_t scratch_frames;
} tone;

static int process(jack_nframes_t frames, void *arg) {
  RTCHECK_SCOPE_BEGIN("jack_tone.process", 0);
  tone *t = (tone *)arg;
  if (t->scratch_frames != frames) {
    free(t->scratch);
    t->scratch = (float *)malloc(frames * sizeof(float));
    t->scratch_frames = t->scratch ? frames : 0;
  }
  float *out = (float *)jack_port_get_buffer(t->out, frames);
  for (jack_nframes_t i = 0; i < frames; i++) {
    float v = (float)(0.2 * sin(t->phase));
    t->phase += t->step;
    if (t->scratch)
      t->scratch[i] = v;
    out[i] = v;
  }
  free(t->scratch); /* the leak fix someone added: now it allocates every period */
  t->scratch = NULL;
  t->scratch_frames = 0;
  RTCHECK_SCOPE_END();
  return 0;
}

int main(int argc, char **argv) {
  double seconds = argc > 1 ? atof(argv[1]) : 1.0;
  jack_status_t status;
  jack_client_t *client = jack_client_open("jack_tone", JackNoStartServer, &status);
  if (!client) {
    fprintf(stderr, "jack_tone: cannot connect to a JACK server (status 0x%x)\n", (unsigned)status);
    return 1;
  }
  static tone t;
  t.step = 2.0 * M_PI * 440.0 / jack_get_sample_rate(client);
  t.out = jack_port_register(client, "out", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
  if (!t.out || jack_set_process_callback(client, process, &t) != 0 || jack_activate(client)) {
    fprintf(stderr, "jack_tone: cannot set up the client\n");
    jack_client_close(client);
    return 1;
  }
  unsigned rate = (unsigned)jack_get_sample_rate(client);
  usleep((useconds_t)(seconds * 1e6));
  jack_deactivate(client);
  jack_client_close(client);
  printf("jack_tone: played %.1f s at %u Hz\n", seconds, rate);
  return 0;
}
