// #10 setup order from main, the counter-case: main creates the plug-in before the first call of the bridge, so the override root (DISTRHO::Plugin::run, which a host may call as soon as the object exists) can run the static's guarded initialisation; those findings stay.
#include <stdint.h>
#include <stdio.h>

namespace DISTRHO {
class Plugin {
public:
  virtual ~Plugin() {}
  virtual void run(const float **inputs, float **outputs, uint32_t frames) = 0;
};
} // namespace DISTRHO

struct Bridge {
  Bridge() { puts("loading libjack"); } // expect: syscall
  int frames = 0;
};

static Bridge &getBridgeInstance() {
  static Bridge bridge; // expect: lock
  return bridge;
}

class GainPlugin : public DISTRHO::Plugin {
public:
  void run(const float **, float **, uint32_t frames) override {
    getBridgeInstance().frames += static_cast<int>(frames);
  }
};

int main() {
  DISTRHO::Plugin *plugin = new GainPlugin();
  getBridgeInstance();
  float *out = nullptr;
  plugin->run(nullptr, &out, 0);
  return 0;
}
