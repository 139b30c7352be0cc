// Setup-time code: allocates freely, but no real-time root reaches it.
#include "presets.h"

std::string load_preset(const std::string &name) {
  return std::string(SYNTH_PRESET_DIR) + "/" + name + ".json";
}
