// C++: a std::stringstream made on the heap allocates (operator new, its string buffer and locale); it does no I/O, so it is not a syscall.
#include <rtcheck/realtime.h>
#include <sstream>

static std::stringstream *g_log;

RTCHECK_REALTIME(audio) void process() {
  g_log = new std::stringstream; // expect: alloc
}
