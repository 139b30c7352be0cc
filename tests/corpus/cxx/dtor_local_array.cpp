// A local array of objects destroys every element at scope end: site inside the element's dtor.
#include <rtcheck/realtime.h>
#include <unistd.h>

struct Fd {
  ~Fd() {
    close(fd);  // expect: syscall
  }
  int fd = -1;
};

RTCHECK_REALTIME(camera) int process() {
  Fd fds[3];
  return fds[0].fd;
}
