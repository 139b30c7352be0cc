// A user destructor implicitly destroys its members after its body: sites inside the members' dtors.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Buffer {
  ~Buffer() {
    free(data);  // expect: alloc
  }
  void *data = nullptr;
};

struct Channel {
  ~Channel() { active = false; }
  bool active = true;
  Buffer buffer;
};

RTCHECK_REALTIME(audio) void process() {
  Channel ch;
  ch.active = false;
}
