// A function-local static that setup code initialises before it registers the callback (DPF's jackbridge getBridgeInstance()): on the audio thread only the guard's fast path runs (an acquire load), so neither __cxa_guard_acquire nor the constructor's puts is a hazard there.
#include <cstdio>
#include <jack_decls.h>

struct Bridge {
  Bridge() { std::puts("loading libjack"); }
  int frames = 0;
};

static Bridge &bridge() {
  static Bridge instance;
  return instance;
}

static int process(jack_nframes_t n, void *) {
  bridge().frames += static_cast<int>(n);
  return 0;
}

int start(jack_client_t *client) {
  bridge(); // initialises the static on the main thread
  return jack_set_process_callback(client, process, nullptr);
}
