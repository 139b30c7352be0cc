// `delete p` reports operator delete on its line, and the user destructor's own calls inside its body.
#include <rtcheck/realtime.h>
#include <stdio.h>

struct Track {
  ~Track() {
    puts("track destroyed");  // expect: syscall
  }
  int id = 0;
};

Track *g_track;

RTCHECK_REALTIME(audio) void process() {
  delete g_track;  // expect: alloc
}
