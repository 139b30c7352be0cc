// A virtual call reaches the base's own body as well as a deeper override (grandchild).
#include <rtcheck/realtime.h>
#include <unistd.h>

struct Device {
  virtual ~Device() = default;
  virtual void flush() {
    usleep(100);  // expect: syscall
  }
};

struct Card : Device {};

struct UsbCard : Card {
  void flush() override {
    int *pending = new int[4];  // expect: alloc
    delete[] pending;  // expect: alloc
  }
};

RTCHECK_REALTIME(audio) void process(Card *card) {
  card->flush();
}
