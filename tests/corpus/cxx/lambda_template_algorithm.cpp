// A lambda passed to std::for_each is reached through the algorithm: site inside the lambda body.
#include <algorithm>
#include <array>
#include <rtcheck/realtime.h>
#include <stdio.h>

std::array<int, 4> g_levels{1, 2, 3, 4};

RTCHECK_REALTIME(audio) void process() {
  std::for_each(g_levels.begin(), g_levels.end(), [](int level) {
    printf("%d\n", level);  // expect: syscall
  });
}
