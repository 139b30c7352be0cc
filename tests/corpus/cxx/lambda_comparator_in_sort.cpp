// std::sort itself is safe, but the comparator it calls is followed: site inside the comparator.
#include <algorithm>
#include <array>
#include <rtcheck/realtime.h>
#include <stdio.h>

std::array<int, 8> g_order{};

RTCHECK_REALTIME(audio) void process() {
  std::sort(g_order.begin(), g_order.end(), [](int a, int b) {
    printf("cmp %d %d\n", a, b);  // expect: syscall
    return a < b;
  });
}
