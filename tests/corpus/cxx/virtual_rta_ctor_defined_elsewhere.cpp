// Rapid type analysis stays sound for objects created outside the program: a class whose constructor is defined nowhere in it may be created elsewhere, so its override stays reachable.
#include <rtcheck/realtime.h>
#include <unistd.h>

struct Source {
  virtual ~Source() = default;
  virtual int pull() = 0;
};

struct Silence : Source {
  int pull() override { return 0; }
};

struct Remote : Source {
  Remote(int fd);
  int pull() override {
    return (int)read(0, &byte_, 1); // expect: syscall
  }
  char byte_ = 0;
};

static Silence g_silence;

RTCHECK_REALTIME(audio) int tick(Source *s) { return s ? s->pull() : g_silence.pull(); }
