// getBridgeInstance()'s static loads the library and prints once (DPF's JackBridge): the first call must not happen on an audio thread.
#include "bridge.h"

#include <pthread.h>
#include <stdio.h>

struct Library {
  int version = 0;
  Library() {
    puts("loading the audio library");
    version = 3;
  }
};

static Library &getBridgeInstance() {
  static Library library;
  return library;
}

static pthread_mutex_t g_meterLock = PTHREAD_MUTEX_INITIALIZER;

int bridge_library_version() { return getBridgeInstance().version; }

// A real hazard of every audio callback, unaffected by the setup order.
void bridge_process(float *out, int frames) {
  pthread_mutex_lock(&g_meterLock); // expect: lock
  for (int i = 0; i < frames; ++i)
    out[i] *= static_cast<float>(bridge_library_version());
  pthread_mutex_unlock(&g_meterLock); // expect: lock
}
