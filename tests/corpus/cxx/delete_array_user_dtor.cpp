// delete[] of a class with a user destructor: alloc on the delete line, the dtor's sites in its body.
#include <rtcheck/realtime.h>
#include <unistd.h>

struct Port {
  ~Port() {
    close(fd);  // expect: syscall
  }
  int fd = -1;
};

Port *g_ports;

RTCHECK_REALTIME(camera) void process() {
  delete[] g_ports;  // expect: alloc
}
