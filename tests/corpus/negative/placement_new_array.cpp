// Array placement new and explicit destruction of trivially destructible elements: no findings.
#include <new>
#include <rtcheck/realtime.h>

struct Grain {
  float pos;
  float amp;
};

alignas(Grain) unsigned char g_pool[32 * sizeof(Grain)];

RTCHECK_REALTIME(audio) Grain *process() {
  return new (g_pool) Grain[32];
}
