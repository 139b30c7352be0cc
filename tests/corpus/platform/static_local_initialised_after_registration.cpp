// A function-local static that setup code initialises only after it registers the callback (or only on one branch) may be initialised on the audio thread first: the guard and the constructor stay findings.
#include <cstdio>
#include <jack_decls.h>

struct Bridge {
  Bridge() { std::puts("loading libjack"); } // expect: syscall
  int frames = 0;
};

static Bridge &bridge() {
  static Bridge instance; // expect: lock
  return instance;
}

static int process(jack_nframes_t n, void *) {
  bridge().frames += static_cast<int>(n);
  return 0;
}

int start(jack_client_t *client, bool eager) {
  if (eager)
    bridge();
  int status = jack_set_process_callback(client, process, nullptr);
  bridge();
  return status;
}
