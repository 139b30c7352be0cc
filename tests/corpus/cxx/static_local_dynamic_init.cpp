// A function-local static with a dynamic initializer takes __cxa_guard_acquire: lock on its line.
#include <rtcheck/realtime.h>

static int compute_table_size(int base) { return base * 2 + 1; }

RTCHECK_REALTIME(audio) int process(int base) {
  static int table_size = compute_table_size(base);  // expect: lock
  static const int fixed = 64;
  return table_size + fixed;
}
