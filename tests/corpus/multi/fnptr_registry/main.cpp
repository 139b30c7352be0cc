// The root dispatches notes through the registry defined in registry.cpp.
#include "registry.h"
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(audio) void midi_callback(int note, float velocity) {
  registry_dispatch(note, velocity);
}
