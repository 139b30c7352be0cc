// The JACK bridge's interface (DPF's JackBridge.hpp, reduced): JACK is loaded with dlopen when the bridge is first used.
#pragma once

#include <jack_decls.h>

jack_client_t *bridge_client_open(const char *name);
bool bridge_set_process_callback(jack_client_t *client, JackProcessCallback cb, void *arg);
void *bridge_port_get_buffer(void *port, jack_nframes_t frames);
bool bridge_midi_event_write(void *buffer, const unsigned char *data, unsigned size);
