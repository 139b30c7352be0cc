/* C: ioctl from a camera root is a driver finding. */
#include <rtcheck/realtime.h>
#include <sys/ioctl.h>

RTCHECK_REALTIME(camera) int on_frame(int fd) {
  int avail = 0;
  ioctl(fd, FIONREAD, &avail); // expect: driver
  return avail;
}
