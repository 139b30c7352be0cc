// Delegating constructors and inherited constructors (using Base::Base) run the target's body.
#include <new>
#include <rtcheck/realtime.h>
#include <stdlib.h>
#include <unistd.h>

struct Buffer {
  explicit Buffer(unsigned n) : data(malloc(n)) {}  // expect: alloc
  Buffer() : Buffer(64) {}
  void *data;
};

struct Device {
  explicit Device(int fd) {
    fsync(fd);  // expect: syscall
  }
};

struct Usb : Device {
  using Device::Device;
};

alignas(Buffer) unsigned char g_buf_storage[sizeof(Buffer)];
alignas(Usb) unsigned char g_usb_storage[sizeof(Usb)];

RTCHECK_REALTIME(audio) void process(int fd) {
  new (g_buf_storage) Buffer();
  new (g_usb_storage) Usb(fd);
}
