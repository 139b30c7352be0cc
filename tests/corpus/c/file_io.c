/* C: stdio file functions and POSIX write from a root are syscall findings. */
#include <rtcheck/realtime.h>
#include <stdio.h>
#include <unistd.h>

RTCHECK_REALTIME(firmware_task) void on_tick(const char *msg, unsigned long n) {
  FILE *f = fopen("/tmp/fw.log", "a"); // expect: syscall
  fputs(msg, f); // expect: syscall
  fclose(f); // expect: syscall
  write(2, msg, n); // expect: syscall
}
