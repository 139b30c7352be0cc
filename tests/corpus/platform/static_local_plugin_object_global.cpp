// #10 setup order from main, the counter-case of a global object: one plug-in object is made by a global's initialiser, before main's setup call (the other only after it), so the override root may run the static's guarded initialisation; those findings stay.
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
  explicit GainPlugin(int gain) : gain_(gain) {}
  void run(const float **, float **, uint32_t frames) override {
    getBridgeInstance().frames += static_cast<int>(frames) * gain_;
  }

private:
  int gain_;
};

static GainPlugin g_plugin(2);

int main() {
  getBridgeInstance();
  DISTRHO::Plugin *plugin = new GainPlugin(3);
  float *out = nullptr;
  plugin->run(nullptr, &out, 0);
  g_plugin.run(nullptr, &out, 0);
  delete plugin;
  return 0;
}
