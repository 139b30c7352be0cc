// [[clang::nonblocking]] marks a root (context audio) like RTCHECK_REALTIME does.
#include <stdlib.h>

void *g_mem;

void render(int n) [[clang::nonblocking]] {
  g_mem = malloc(static_cast<unsigned>(n));  // expect: alloc
}

void prepare(int n) {
  g_mem = malloc(static_cast<unsigned>(n));
}
