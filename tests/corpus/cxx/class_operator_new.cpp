// Class-specific operator new/delete replace the global ones: a pool-backed pair is safe, a
// malloc-backed pair reports inside its own bodies, and the new/delete lines themselves are clean.
#include <cstddef>
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct PooledVoice {
  static void *operator new(std::size_t n);
  static void operator delete(void *p) noexcept;
  float phase = 0.0f;
};

alignas(PooledVoice) static unsigned char g_pool[64 * sizeof(PooledVoice)];
static unsigned g_next;

void *PooledVoice::operator new(std::size_t n) { return g_pool + (g_next++ % 64) * n; }
void PooledVoice::operator delete(void *) noexcept {}

struct HeapVoice {
  static void *operator new(std::size_t n) {
    return malloc(n);  // expect: alloc
  }
  static void operator delete(void *p) noexcept {
    free(p);  // expect: alloc
  }
  float phase = 0.0f;
};

RTCHECK_REALTIME(audio) void process() {
  PooledVoice *a = new PooledVoice;
  delete a;
  HeapVoice *b = new HeapVoice;
  delete b;
}
