// What a method leaves in a member is forgotten when anything after the store could change it: a call, a store through a pointer, a return before the end, a local's destructor, a try block, a reference to the member or a virtual call; only the plain store of `new` decides the caller's test.
#include <pthread.h>
#include <rtcheck/realtime.h>
#include <string>

struct Impl {
  int n = 0;
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
void tell(Impl **slot); // defined nowhere: may reset *slot
Impl **g_slot;

struct Plain {
  Impl *impl = nullptr;
  void open(int api) {
    impl = nullptr;
    if (api == 1)
      impl = new Impl(); // expect: alloc
  }
  void use(int api) {
    open(api);
    if (impl)
      return;
    pthread_mutex_lock(&g_lock);
  }
};

struct CallAfter {
  Impl *impl = nullptr;
  void open(int api) {
    if (api == 1)
      impl = new Impl(); // expect: alloc
    tell(&impl); // expect: unknown
  }
  void use(int api) {
    open(api);
    if (impl)
      return;
    pthread_mutex_lock(&g_lock); // expect: lock
  }
};

struct StoreThroughPointer {
  Impl *impl = nullptr;
  void open(int api) {
    if (api == 1)
      impl = new Impl(); // expect: alloc
    *g_slot = nullptr;
  }
  void use(int api) {
    open(api);
    if (impl)
      return;
    pthread_mutex_lock(&g_lock); // expect: lock
  }
};

struct EarlyReturn {
  Impl *impl = nullptr;
  void open(int api, bool skip) {
    if (skip)
      return;
    if (api == 1)
      impl = new Impl(); // expect: alloc
  }
  void use(int api, bool skip) {
    open(api, skip);
    if (impl)
      return;
    pthread_mutex_lock(&g_lock); // expect: lock
  }
};

struct LocalWithDestructor {
  Impl *impl = nullptr;
  void open(int api) {
    std::string name = "impl"; // expect: alloc
    if (api == 1)
      impl = new Impl(); // expect: alloc
  }
  void use(int api) {
    open(api);
    if (impl)
      return;
    pthread_mutex_lock(&g_lock); // expect: lock
  }
};

struct TryBlock {
  Impl *impl = nullptr;
  void open(int api) {
    try {
      if (api == 1)
        impl = new Impl(); // expect: alloc
    } catch (...) {
    }
  }
  void use(int api) {
    open(api);
    if (impl)
      return;
    pthread_mutex_lock(&g_lock); // expect: lock
  }
};

struct Virtual {
  Impl *impl = nullptr;
  virtual ~Virtual() = default;
  virtual void open(int api) {
    if (api == 1)
      impl = new Impl(); // expect: alloc
  }
  void use(int api) {
    open(api);
    if (impl)
      return;
    pthread_mutex_lock(&g_lock); // expect: lock
  }
};

struct ReferenceAlias {
  Impl *impl = nullptr;
  void open(int api) {
    Impl *&alias = impl;
    if (api == 1)
      impl = new Impl(); // expect: alloc
    alias = nullptr;
  }
  void use(int api) {
    open(api);
    if (impl)
      return;
    pthread_mutex_lock(&g_lock); // expect: lock
  }
};

Plain g_plain;
CallAfter g_call_after;
StoreThroughPointer g_store;
EarlyReturn g_early;
LocalWithDestructor g_local;
TryBlock g_try;
Virtual g_virtual;
ReferenceAlias g_alias;

RTCHECK_REALTIME(audio) void process() {
  g_plain.use(1);
  g_call_after.use(1);
  g_store.use(1);
  g_early.use(1, false);
  g_local.use(1);
  g_try.use(1);
  g_virtual.use(1);
  g_alias.use(1);
}
