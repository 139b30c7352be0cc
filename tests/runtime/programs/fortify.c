/* Built with -O2 -D_FORTIFY_SOURCE=2: printf, read and open become __printf_chk, __read_chk and
 * __open_2 in the binary; the shim must count them all the same. */
#include <rtcheck/realtime.h>

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
  (void)argv;
  char buf[16];
  RTCHECK_SCOPE_BEGIN("fortify.callback", 0);
  printf("argc %d\n", argc);
  int fd = open("/dev/null", argc > 5 ? O_RDWR : O_RDONLY);
  ssize_t n = read(fd, buf, (size_t)argc + sizeof buf - 1);
  RTCHECK_SCOPE_END();
  return (int)n;
}
