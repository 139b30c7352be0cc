// A call through the second base of a class implementing two interfaces reaches its override.
#include <rtcheck/realtime.h>
#include <unistd.h>

struct Readable {
  virtual ~Readable() = default;
  virtual long read_some(char *buf, unsigned long n) = 0;
};

struct Named {
  virtual ~Named() = default;
  virtual const char *name() const = 0;
};

struct Pipe : Named, Readable {
  const char *name() const override { return "pipe"; }
  long read_some(char *buf, unsigned long n) override {
    return read(fd, buf, n);  // expect: syscall
  }
  int fd = 0;
};

RTCHECK_REALTIME(camera) long process(Readable &r, char *buf) {
  return r.read_some(buf, 16);
}
