// Writing to std::cout is a syscall finding on the statement's line.
#include <iostream>
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(audio) void process(int frames) {
  std::cout << frames;  // expect: syscall
}
