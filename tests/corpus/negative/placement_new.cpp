// Placement new into preallocated storage does not allocate: no findings.
#include <new>
#include <rtcheck/realtime.h>

struct Voice {
  float phase = 0.0f;
  float freq = 440.0f;
};

alignas(Voice) unsigned char g_storage[4 * sizeof(Voice)];

RTCHECK_REALTIME(audio) Voice *process(unsigned slot) {
  Voice *v = new (g_storage + (slot % 4) * sizeof(Voice)) Voice;
  v->~Voice();
  return new (g_storage) Voice{};
}
