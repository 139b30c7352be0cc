// An explicit destructor call p->~T() runs the user destructor: site inside its body, none on the call.
#include <rtcheck/realtime.h>
#include <stdio.h>

struct Session {
  ~Session() {
    fclose(log);  // expect: syscall
  }
  FILE *log = nullptr;
};

RTCHECK_REALTIME(camera) void process(Session *s) {
  s->~Session();
}
