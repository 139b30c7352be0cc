// #10 setup order from main: main opens the JACK client (the first call of getBridgeInstance(), which initialises its static) before it creates the plug-in or registers the process callback, so neither root can run the static's guarded initialisation.
#include "bridge.h"
#include "plugin.h"

#include <string.h>

struct Host {
  jack_client_t *client;
  DISTRHO::Plugin *plugin;
  void *port = nullptr;

  explicit Host(jack_client_t *c) : client(c), plugin(DISTRHO::createPlugin()) {
    bridge_set_process_callback(client, process, this);
  }

  static int process(jack_nframes_t frames, void *arg) {
    Host *self = static_cast<Host *>(arg);
    float *out = static_cast<float *>(bridge_port_get_buffer(self->port, frames));
    self->plugin->run(nullptr, &out, frames);
    return 0;
  }
};

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "selftest") == 0)
    return 1;
  jack_client_t *client = bridge_client_open("through");
  if (client == nullptr)
    return 1;
  Host host(client);
  return 0;
}
