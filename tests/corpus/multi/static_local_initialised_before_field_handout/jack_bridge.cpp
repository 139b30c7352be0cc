// A back-end that registers its process callback in a helper that open, requestAudioInput (called by the UI, whose callers the analysis cannot see) and a retry of itself all call: the object exists only after main's setup.
#include "bridge.h"

#include <jack_decls.h>

struct RetryingBridge : NativeBridge {
  jack_client_t *client = nullptr;

  bool open(const char *) override { return start(false, 0); }
  bool requestAudioInput() override { return start(true, 0); }

  bool start(bool withInput, int attempt) {
    if (jack_set_process_callback(client, process, this) != 0)
      return attempt < 2 && start(withInput, attempt + 1);
    return true;
  }

  static int process(jack_nframes_t frames, void *) {
    static float buffer[64];
    bridge_process(buffer, frames < 64 ? static_cast<int>(frames) : 64);
    return 0;
  }
};

NativeBridge *makeRetryingBridge() { return new RetryingBridge; }
