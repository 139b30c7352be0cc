// An override inside a class template is an overrider only for instantiated specialisations.
#include <new>
#include <rtcheck/realtime.h>

struct Task {
  virtual ~Task() = default;
  virtual void run() = 0;
};

template <typename T> struct Boxed : Task {
  void run() override {
    value = new T();  // expect: alloc
  }
  T *value = nullptr;
};

alignas(Boxed<int>) unsigned char g_storage[sizeof(Boxed<int>)];

Task *make_task() { return new (g_storage) Boxed<int>; }

RTCHECK_REALTIME(audio) void process(Task *t) {
  t->run();
}
