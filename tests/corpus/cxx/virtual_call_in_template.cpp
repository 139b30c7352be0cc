// A virtual call written inside a user template reaches the overriders through the instantiation.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Stage {
  virtual ~Stage() = default;
  virtual void tick() = 0;
};

struct Alloc : Stage {
  void tick() override {
    buf = malloc(4);  // expect: alloc
  }
  void *buf = nullptr;
};

template <typename S> void tick_all(S *const *stages, int n) {
  for (int i = 0; i < n; ++i)
    stages[i]->tick();
}

RTCHECK_REALTIME(audio) void process(Stage *const *stages, int n) {
  tick_all(stages, n);
}
