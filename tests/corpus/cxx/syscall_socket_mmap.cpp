// Sockets (socket/send/recv) and mmap are syscall findings.
#include <rtcheck/realtime.h>
#include <sys/mman.h>
#include <sys/socket.h>

RTCHECK_REALTIME(camera) long process(const char *frame, unsigned long n) {
  int s = socket(AF_UNIX, SOCK_DGRAM, 0);  // expect: syscall
  long sent = send(s, frame, n, 0);  // expect: syscall
  char reply[16];
  sent += recv(s, reply, sizeof reply, 0);  // expect: syscall
  void *map = mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);  // expect: syscall
  return sent + (map != nullptr);
}
