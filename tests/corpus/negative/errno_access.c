/* C: reading and writing errno (glibc's __errno_location) in a root is safe: no findings. */
#include <errno.h>
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(firmware_task) int on_tick(int v) {
  errno = 0;
  if (v < 0)
    errno = EINVAL;
  return errno;
}
