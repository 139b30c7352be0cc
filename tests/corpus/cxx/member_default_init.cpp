// A default member initializer runs in the implicit constructor: site is the initializer's line.
#include <new>
#include <rtcheck/realtime.h>
#include <vector>

struct Bank {
  int id = 0;
  std::vector<int> slots = std::vector<int>(8);  // expect: alloc
};

alignas(Bank) unsigned char g_storage[sizeof(Bank)];
Bank *g_bank;

RTCHECK_REALTIME(audio) void process() {
  g_bank = new (g_storage) Bank;
}
