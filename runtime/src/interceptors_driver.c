/* Driver interceptors: ioctl (category from rules/libc.json: driver). */
#include "interceptor.h"

#include <stdarg.h>
#include <sys/ioctl.h>

/* ioctl is variadic; every request takes at most one argument, an integer or a pointer, which is
 * passed on as a pointer-sized value (what the kernel receives either way). */
DECLARE_REAL(ioctl);
RTCHECK_EXPORT int ioctl(int fd, unsigned long request, ...) {
  va_list ap;
  va_start(ap, request);
  void *arg = va_arg(ap, void *);
  va_end(ap);
  ENTER(ioctl);
  int r = REAL(ioctl)(fd, request, arg);
  LEAVE();
  return r;
}
