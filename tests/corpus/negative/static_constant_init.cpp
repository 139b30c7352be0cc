// Constant-initialized function-local statics (constexpr, literals, constinit) take no guard.
#include <rtcheck/realtime.h>

struct Table {
  float values[4];
};

constexpr Table make_table() { return Table{{0.0f, 0.25f, 0.5f, 0.75f}}; }

RTCHECK_REALTIME(audio) float process(unsigned i) {
  static constexpr Table table = make_table();
  static int calls = 0;
  static const float scale = 0.5f;
  static constinit float last = 0.0f;
  ++calls;
  last = table.values[i % 4] * scale;
  return last;
}
