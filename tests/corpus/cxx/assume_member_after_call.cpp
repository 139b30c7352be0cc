// An `assume` fact about a member still decides a test of it made right after a method call on the object (the test also names the member's value after that call, which nothing decides here).
// rtcheck-args: --assume Engine::verbose=0
#include <rtcheck/realtime.h>
#include <stdio.h>

struct Engine {
  int verbose = 1;
  int frames = 0;
  void refresh() { frames = 0; }
  void process() {
    refresh();
    if (!verbose)
      return;
    printf("frames %d\n", frames);
  }
};

Engine g_engine;

RTCHECK_REALTIME(audio) void callback() { g_engine.process(); }
