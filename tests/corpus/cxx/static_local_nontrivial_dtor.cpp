// A function-local static that is constant-initialized but has a non-trivial destructor still takes
// the guard (its destructor is registered with __cxa_atexit on first entry): lock on its line.
#include <rtcheck/realtime.h>
#include <vector>

RTCHECK_REALTIME(audio) unsigned process() {
  static std::vector<int> history;  // expect: lock
  return static_cast<unsigned>(history.size());
}
