// A JACK client: process() is registered with jack_set_process_callback, so it is a real-time root.
#include "engine.h"
#include "presets.h"

#include <jack/jack.h>
#include <rtcheck/realtime.h>

#include <cstdio>

static jack_port_t *out_port;

static int process(jack_nframes_t frames, void *arg) {
  RTCHECK_SCOPE("synth.process", 0);
  auto *engine = static_cast<Engine *>(arg);
  auto *out = static_cast<float *>(jack_port_get_buffer(out_port, frames));
  engine->render(out, frames);
  return 0;
}

int main() {
  std::string preset = load_preset("init");
  jack_client_t *client = jack_client_open("synth", JackNoStartServer, nullptr);
  if (!client) {
    std::fprintf(stderr, "no JACK server\n");
    return 1;
  }
  Engine engine;
  out_port = jack_port_register(client, "out", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
  jack_set_process_callback(client, process, &engine);
  jack_activate(client);
  jack_client_close(client);
  return 0;
}
