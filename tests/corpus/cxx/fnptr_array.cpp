// A call through an array of function pointers reaches every function in (or assignable to) the table.
#include <fcntl.h>
#include <rtcheck/realtime.h>
#include <unistd.h>

static int op_nop(int fd) { return fd; }

static int op_close(int fd) {
  return close(fd);  // expect: syscall
}

static int op_open(int fd) {
  return open("/dev/null", O_RDONLY) + fd;  // expect: syscall
}

static int (*const g_ops[])(int) = {op_nop, op_close, op_open};

RTCHECK_REALTIME(audio) int process(unsigned op, int fd) {
  return g_ops[op % 3](fd);
}
