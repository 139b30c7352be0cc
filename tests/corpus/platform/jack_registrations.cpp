// JACK's other realtime registrations: the jack_set_process_thread loop, the sync callback and the timebase callback (transport.h: run in the process thread) are roots; a captureless lambda given to jack_set_process_callback too.
#include <jack/jack.h>
#include <jack/transport.h>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

static jack_client_t *g_client;
static jack_port_t *g_port;

static void *thread_loop(void *arg) {
  auto *c = static_cast<jack_client_t *>(arg);
  for (;;) {
    jack_nframes_t n = jack_cycle_wait(c);
    float *buf = static_cast<float *>(jack_port_get_buffer(g_port, n));
    buf[0] = 0.0f;
    usleep(10); // expect: syscall
    jack_cycle_signal(c, 0);
  }
  return nullptr;
}

static int sync_cb(jack_transport_state_t state, jack_position_t *pos, void *) {
  if (state == JackTransportStarting)
    std::printf("seek to %u\n", pos->frame); // expect: syscall
  return 1;
}

static void timebase_cb(jack_transport_state_t, jack_nframes_t, jack_position_t *pos, int new_pos, void *) {
  pos->valid = JackPositionBBT;
  pos->beats_per_minute = 120.0;
  if (new_pos)
    std::fflush(stdout); // expect: syscall
}

int main() {
  g_client = jack_client_open("regs", JackNullOption, nullptr);
  g_port = jack_port_register(g_client, "out", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
  jack_set_process_thread(g_client, thread_loop, g_client);
  jack_set_sync_callback(g_client, sync_cb, nullptr);
  jack_set_timebase_callback(g_client, 0, timebase_cb, nullptr);
  jack_client_t *other = jack_client_open("lambda", JackNullOption, nullptr);
  jack_set_process_callback(
      other,
      [](jack_nframes_t n, void *arg) -> int {
        auto *c = static_cast<jack_client_t *>(arg);
        jack_set_buffer_size(c, n * 2); // expect: syscall
        return 0;
      },
      other);
  jack_activate(g_client);
  return jack_activate(other);
}
