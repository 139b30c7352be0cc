// A lambda whose call operator is [[clang::nonblocking]] is itself a root (context audio).
#include <stdlib.h>

void *g_mem;

auto g_render = [](unsigned n) [[clang::nonblocking]] {
  g_mem = malloc(n);  // expect: alloc
};

auto g_offline = [](unsigned n) { g_mem = malloc(n); };
