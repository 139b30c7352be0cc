// Members of a user class template report on the template's lines when an instantiation is reachable.
#include <rtcheck/realtime.h>
#include <stdlib.h>

template <typename T, unsigned N> class Pool {
public:
  T *take() {
    if (used < N)
      return &items[used++];
    return static_cast<T *>(malloc(sizeof(T)));  // expect: alloc
  }
  void drain() {
    for (unsigned i = 0; i < used; ++i)
      free(spill[i]);
  }

private:
  T items[N];
  T *spill[N] = {};
  unsigned used = 0;
};

Pool<float, 16> g_floats;
Pool<double, 4> g_doubles;

RTCHECK_REALTIME(audio) void process() {
  *g_floats.take() = 1.0f;
  *g_doubles.take() = 2.0;
}

void shutdown() { g_floats.drain(); }
