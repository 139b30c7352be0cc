// The bridge keeps libjack's entry points in a function-local static that its first call loads (DPF's getBridgeInstance()): main opens the client through it before anything hands out a callback.
#include "bridge.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

typedef jack_client_t *(*client_open_fn)(const char *, int, int *);
typedef int (*set_process_fn)(jack_client_t *, JackProcessCallback, void *);
typedef void *(*port_get_buffer_fn)(void *, jack_nframes_t);

struct Bridge {
  void *lib = nullptr;
  client_open_fn client_open_ptr = nullptr;
  set_process_fn set_process_callback_ptr = nullptr;
  port_get_buffer_fn port_get_buffer_ptr = nullptr;

  Bridge() {
    lib = dlopen("libjack.so.0", RTLD_NOW);
    if (lib == nullptr) {
      fprintf(stderr, "cannot load libjack\n");
      return;
    }
    client_open_ptr = (client_open_fn)(uintptr_t)dlsym(lib, "jack_client_open");
    set_process_callback_ptr = (set_process_fn)(uintptr_t)dlsym(lib, "jack_set_process_callback");
    port_get_buffer_ptr = (port_get_buffer_fn)(uintptr_t)dlsym(lib, "jack_port_get_buffer");
  }
};

static Bridge &getBridgeInstance() {
  static Bridge bridge;
  return bridge;
}

static pthread_mutex_t g_midiLock = PTHREAD_MUTEX_INITIALIZER;

jack_client_t *bridge_client_open(const char *name) {
  if (getBridgeInstance().client_open_ptr != nullptr)
    return getBridgeInstance().client_open_ptr(name, 0, nullptr);
  return nullptr;
}

bool bridge_set_process_callback(jack_client_t *client, JackProcessCallback cb, void *arg) {
  if (getBridgeInstance().set_process_callback_ptr != nullptr)
    return getBridgeInstance().set_process_callback_ptr(client, cb, arg) == 0;
  return false;
}

void *bridge_port_get_buffer(void *port, jack_nframes_t frames) {
  if (getBridgeInstance().port_get_buffer_ptr != nullptr)
    return getBridgeInstance().port_get_buffer_ptr(port, frames);
  return nullptr;
}

// A real hazard on the audio thread, unaffected by the setup order.
bool bridge_midi_event_write(void *buffer, const unsigned char *data, unsigned size) {
  pthread_mutex_lock(&g_midiLock); // expect: lock
  bool ok = buffer != nullptr && data != nullptr && size > 0 && getBridgeInstance().lib != nullptr;
  pthread_mutex_unlock(&g_midiLock); // expect: lock
  return ok;
}
