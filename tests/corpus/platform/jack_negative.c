/* A JACK process callback that only uses documented realtime-safe calls (port buffers, MIDI in/out, ringbuffer, transport query, frame times, CPU load): no finding. */
#include <jack/jack.h>
#include <jack/midiport.h>
#include <jack/ringbuffer.h>
#include <jack/transport.h>
#include <string.h>

static jack_port_t *g_in, *g_out, *g_midi_in, *g_midi_out;
static jack_ringbuffer_t *g_to_gui;

static int process(jack_nframes_t n, void *arg) {
  jack_client_t *c = (jack_client_t *)arg;
  float *out = (float *)jack_port_get_buffer(g_out, n);
  const float *in = (const float *)jack_port_get_buffer(g_in, n);
  memcpy(out, in, n * sizeof(float));
  void *midi_in = jack_port_get_buffer(g_midi_in, n);
  void *midi_out = jack_port_get_buffer(g_midi_out, n);
  jack_midi_clear_buffer(midi_out);
  jack_midi_event_t ev;
  uint32_t count = jack_midi_get_event_count(midi_in);
  for (uint32_t i = 0; i < count; ++i)
    if (jack_midi_event_get(&ev, midi_in, i) == 0)
      jack_midi_event_write(midi_out, ev.time, ev.buffer, ev.size);
  jack_position_t pos;
  jack_transport_state_t st = jack_transport_query(c, &pos);
  float load = jack_cpu_load(c);
  jack_nframes_t now = jack_frame_time(c);
  if (st == JackTransportRolling && jack_ringbuffer_write_space(g_to_gui) >= sizeof load + sizeof now) {
    jack_ringbuffer_write(g_to_gui, (const char *)&load, sizeof load);
    jack_ringbuffer_write(g_to_gui, (const char *)&now, sizeof now);
  }
  return 0;
}

int main(void) {
  jack_client_t *c = jack_client_open("clean", JackNullOption, NULL);
  g_to_gui = jack_ringbuffer_create(1 << 12);
  g_in = jack_port_register(c, "in", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
  g_out = jack_port_register(c, "out", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
  g_midi_in = jack_port_register(c, "midi_in", JACK_DEFAULT_MIDI_TYPE, JackPortIsInput, 0);
  g_midi_out = jack_port_register(c, "midi_out", JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput, 0);
  jack_set_process_callback(c, process, c);
  return jack_activate(c);
}
