// C++: a call through a pointer whose type carries [[clang::nonblocking]] still reaches the plain functions stored into such pointers (the effect is not part of the type key).
#include <cstdlib>
#include <rtcheck/realtime.h>

using Hook = void (*)(int) [[clang::nonblocking]];

static void plain_hook(int n) {
  void *p = std::malloc(static_cast<std::size_t>(n)); // expect: alloc
  std::free(p); // expect: alloc
}

static Hook g_hook;

void install() { g_hook = plain_hook; }

RTCHECK_REALTIME(audio) void process(int n) { g_hook(n); }
