// A call through a pure virtual base reaches its overriders; the pure declaration itself has no body.
#include <pthread.h>
#include <rtcheck/realtime.h>

struct Source {
  virtual ~Source() = default;
  virtual float next() = 0;
};

struct Shared : Source {
  float next() override {
    pthread_mutex_lock(&mu);  // expect: lock
    float v = value;
    pthread_mutex_unlock(&mu);  // expect: lock
    return v;
  }
  pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
  float value = 0.0f;
};

RTCHECK_REALTIME(audio) float process(Source &src) {
  return src.next();
}
