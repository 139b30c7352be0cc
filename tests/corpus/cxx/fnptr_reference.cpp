// A call through a reference to function binds like a pointer: the bound function's body is the site.
#include <rtcheck/realtime.h>
#include <unistd.h>

static void pause_briefly(unsigned us) {
  usleep(us);  // expect: syscall
}

using Pause = void(unsigned);

Pause &g_pause = pause_briefly;

RTCHECK_REALTIME(audio) void process(unsigned us) {
  g_pause(us);
}
