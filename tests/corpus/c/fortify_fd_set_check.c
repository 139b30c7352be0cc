/* C: with _FORTIFY_SOURCE, FD_SET checks the descriptor through __fdelt_chk (run-time index) or __fdelt_warn (a constant index out of range): bounds checks, not hazards; select() itself blocks. */
// compile-flags: -std=gnu11 -O2 -D_FORTIFY_SOURCE=2
#include <rtcheck/realtime.h>
#include <stddef.h>
#include <sys/select.h>

static fd_set g_fds;
static int g_fd;

RTCHECK_REALTIME(audio) void poll_once(void) {
  FD_ZERO(&g_fds);
  FD_SET(g_fd, &g_fds);
  FD_SET(2000, &g_fds);
  struct timeval tv = {0, 0};
  select(g_fd + 1, &g_fds, NULL, NULL, &tv); // expect: syscall
}
