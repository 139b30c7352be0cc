#include "frame.h"

namespace camera {

const char *priority_name(Priority p) {
  static const char *const kNames[] = {"CRITICAL", "HIGH", "NORMAL", "LOW"};
  return kNames[int(p)];
}

const char *event_type_name(EventType t) {
  static const char *const kNames[] = {"alert",        "error",      "status_change",
                                       "camera_state", "correction", "posture_update"};
  return kNames[int(t)];
}

} // namespace camera
