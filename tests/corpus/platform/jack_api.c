/* JACK from the process callback: the functions jack.h documents as realtime-safe (port buffers, MIDI, ringbuffer read/write, transport query, frame time) are not findings; server requests (port registration, connections), graph queries that malloc and ringbuffer creation are. */
#include <jack/jack.h>
#include <jack/midiport.h>
#include <jack/ringbuffer.h>
#include <jack/transport.h>
#include <stddef.h>

static jack_port_t *g_in, *g_out, *g_midi_in;
static jack_ringbuffer_t *g_rb;
static jack_client_t *g_client;

static int process(jack_nframes_t n, void *arg) {
  jack_client_t *c = (jack_client_t *)arg;
  const float *in = (const float *)jack_port_get_buffer(g_in, n);
  float *out = (float *)jack_port_get_buffer(g_out, n);
  void *midi = jack_port_get_buffer(g_midi_in, n);
  for (jack_nframes_t i = 0; i < n; ++i)
    out[i] = in[i];
  jack_midi_event_t ev;
  for (uint32_t i = 0; i < jack_midi_get_event_count(midi); ++i)
    jack_midi_event_get(&ev, midi, i);
  jack_position_t pos;
  if (jack_transport_query(c, &pos) == JackTransportRolling)
    jack_ringbuffer_write(g_rb, (const char *)&pos.frame, sizeof pos.frame);
  jack_nframes_t t = jack_last_frame_time(c);
  (void)t;
  if (jack_ringbuffer_write_space(g_rb) < 64) {
    jack_ringbuffer_t *bigger = jack_ringbuffer_create(1 << 16); // expect: alloc
    (void)bigger;
    const char **ports = jack_get_ports(c, NULL, JACK_DEFAULT_AUDIO_TYPE, JackPortIsPhysical); // expect: alloc
    jack_connect(c, jack_port_name(g_out), ports[0]); // expect: syscall
    jack_free(ports); // expect: alloc
  }
  if (!jack_port_connected(g_out)) // expect: lock
    jack_port_unregister(c, g_out); // expect: syscall
  return 0;
}

int main(void) {
  g_client = jack_client_open("api", JackNullOption, NULL);
  g_rb = jack_ringbuffer_create(4096);
  g_in = jack_port_register(g_client, "in", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
  g_out = jack_port_register(g_client, "out", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
  g_midi_in = jack_port_register(g_client, "midi", JACK_DEFAULT_MIDI_TYPE, JackPortIsInput, 0);
  jack_set_process_callback(g_client, process, g_client);
  return jack_activate(g_client);
}
