// #10 possible bits of a field: no write gives `Options::flags` the REALTIME bit (a constant store, a `|=` of another bit, the default), so the write of `Info::realtime` under that bit never runs and the callback's `if (info->realtime)` branch is not followed; the branch on a bit a write does set stays.
#include <rtcheck/realtime.h>

#include <pthread.h>
#include <stdio.h>

enum : unsigned { FLAG_NONINTERLEAVED = 1, FLAG_MINIMIZE_LATENCY = 2, FLAG_REALTIME = 8 };

struct Options {
  unsigned flags = 0;
  int priority = 0;
};

struct Info {
  bool realtime = false;
  bool minimal = false;
  void *object = nullptr;
};

RTCHECK_REALTIME(audio) void *callback(void *user) {
  Info *info = static_cast<Info *>(user);
  if (info->realtime)
    puts("running with real-time scheduling");
  if (info->minimal)
    puts("running with minimal latency"); // expect: syscall
  return nullptr;
}

struct Stream {
  Info info;
  pthread_t thread;

  bool open(const Options *options) {
    if (options && options->flags & FLAG_REALTIME)
      info.realtime = true;
    if ((options->flags & FLAG_MINIMIZE_LATENCY) != 0)
      info.minimal = true;
    info.object = this;
    return pthread_create(&thread, nullptr, callback, &info) == 0;
  }
};

int main(int argc, char **) {
  Options opts;
  opts.flags = FLAG_NONINTERLEAVED;
  if (argc > 1)
    opts.flags |= FLAG_MINIMIZE_LATENCY;
  Stream stream;
  return stream.open(&opts) ? 0 : 1;
}
