// Assertion macros that report and then stop at a debugger trap (sfizz's ASSERT: `asm volatile("int3")`; `__builtin_debugtrap()`; `raise(SIGTRAP)`) end the program like a failing assert: their reports are not hazards, while a check that reports and goes on is.
#include <csignal>
#include <iostream>
#include <rtcheck/realtime.h>

#define TRAP_ASSERT(e)                                                                          \
  do {                                                                                          \
    if (!(e)) {                                                                                 \
      std::cerr << "Assert failed: " #e "\n";                                                   \
      do {                                                                                      \
        std::cerr << "at " << __FILE__ << ":" << __LINE__ << '\n';                              \
        asm volatile("int3");                                                                   \
      } while (0);                                                                              \
    }                                                                                           \
  } while (0)

#define BUILTIN_ASSERT(e)                                                                       \
  do {                                                                                          \
    if (!(e)) {                                                                                 \
      std::cerr << "Assert failed: " #e "\n";                                                   \
      __builtin_debugtrap();                                                                    \
    }                                                                                           \
  } while (0)

static void check_failed(const char *what) {
  std::cerr << "check failed: " << what << '\n';
  raise(SIGTRAP);
}

RTCHECK_REALTIME(audio) void process(float *buffer, int frames) {
  TRAP_ASSERT(frames >= 0);
  BUILTIN_ASSERT(buffer != nullptr);
  if (frames > 8192)
    check_failed("block too large");
  if (frames > 4096)
    std::cerr << "large block\n"; // expect: syscall
  for (int i = 0; i < frames; ++i)
    buffer[i] = 0.0f;
}
