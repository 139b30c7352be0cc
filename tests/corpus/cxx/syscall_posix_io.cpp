// POSIX read/write/open and the sleep family are syscall findings.
#include <fcntl.h>
#include <rtcheck/realtime.h>
#include <time.h>
#include <unistd.h>

RTCHECK_REALTIME(audio) long process(char *buf, unsigned long n) {
  int fd = open("/dev/zero", O_RDONLY);  // expect: syscall
  long got = read(fd, buf, n);  // expect: syscall
  got += write(1, buf, n);  // expect: syscall
  usleep(10);  // expect: syscall
  struct timespec ts = {0, 1000};
  nanosleep(&ts, nullptr);  // expect: syscall
  sleep(0);  // expect: syscall
  return got;
}
