// ioctl is a driver finding, also when called from a helper (site in the helper).
#include <rtcheck/realtime.h>
#include <sys/ioctl.h>

static int queued_bytes(int fd) {
  int n = 0;
  ioctl(fd, FIONREAD, &n);  // expect: driver
  return n;
}

RTCHECK_REALTIME(camera) int process(int fd) {
  return queued_bytes(fd);
}
