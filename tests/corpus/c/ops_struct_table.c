/* C: a struct of function pointers (a driver ops table); calls resolve to address-taken functions. */
#include <rtcheck/realtime.h>
#include <sys/ioctl.h>
#include <unistd.h>

struct dev_ops {
  int (*start)(int fd);
  long (*fetch)(int fd, void *buf, unsigned long n);
};

static int uart_start(int fd) {
  return ioctl(fd, TIOCMBIS, 0); // expect: driver
}

static long uart_fetch(int fd, void *buf, unsigned long n) {
  return read(fd, buf, n); // expect: syscall
}

static const struct dev_ops g_uart = {uart_start, uart_fetch};
static const struct dev_ops *g_dev = &g_uart;

RTCHECK_REALTIME(firmware_isr) long on_rx(int fd, void *buf) {
  if (g_dev->start(fd) < 0)
    return -1;
  return g_dev->fetch(fd, buf, 16);
}
