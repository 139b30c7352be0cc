// `delete` through a base pointer with a virtual destructor reaches every derived destructor.
#include <rtcheck/realtime.h>
#include <stdio.h>

struct Message {
  virtual ~Message() = default;
};

struct TextMessage : Message {
  ~TextMessage() override {
    fputs("bye\n", stderr);  // expect: syscall
  }
};

RTCHECK_REALTIME(audio) void process(Message *m) {
  delete m;  // expect: alloc
}
