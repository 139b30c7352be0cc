// A lambda called from inside another lambda is followed as well.
#include <rtcheck/realtime.h>
#include <unistd.h>

RTCHECK_REALTIME(audio) void process(int fd) {
  auto outer = [fd] {
    auto inner = [fd] {
      fsync(fd);  // expect: syscall
    };
    inner();
  };
  outer();
}
