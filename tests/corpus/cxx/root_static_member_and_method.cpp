// Static member functions and non-static methods can be roots; so can an out-of-line definition.
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <stdlib.h>

class Engine {
public:
  RTCHECK_REALTIME(audio) static int callback(void *user);
  RTCHECK_REALTIME(audio) void render() {
    puts("render");  // expect: syscall
  }

private:
  void *state = nullptr;
};

int Engine::callback(void *user) {
  static_cast<Engine *>(user)->state = malloc(8);  // expect: alloc
  return 0;
}
