// An implicit converting constructor builds a temporary for the argument: sites in its ctor and dtor.
#include <rtcheck/realtime.h>
#include <stdlib.h>

struct Block {
  Block(unsigned n) : data(malloc(n)) {}  // expect: alloc
  ~Block() {
    free(data);  // expect: alloc
  }
  void *data;
};

static bool valid(const Block &b) { return b.data != nullptr; }

RTCHECK_REALTIME(audio) bool process(unsigned n) {
  return valid(n);
}
