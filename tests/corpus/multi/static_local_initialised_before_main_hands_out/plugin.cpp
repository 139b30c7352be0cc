// The plug-in's run (a root by the DPF override rule) writes MIDI through the bridge, which reads getBridgeInstance()'s static: the static was initialised by main before this class had any object.
#include "bridge.h"
#include "plugin.h"

namespace DISTRHO {
class ThroughPlugin : public Plugin {
public:
  void *midiOut = nullptr;
  void run(const float **, float **, uint32_t frames) override {
    const unsigned char note[3] = {0x90, 60, 100};
    if (frames > 0)
      bridge_midi_event_write(midiOut, note, 3);
  }
};

Plugin *createPlugin() { return new ThroughPlugin(); }
} // namespace DISTRHO
