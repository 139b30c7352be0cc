// A function named with --root is a root though it carries no attribute; other functions are not.
// rtcheck-args: --root=my_callback
#include <stdlib.h>

void *g_mem;

void my_callback(int n) {
  g_mem = malloc(static_cast<unsigned>(n));  // expect: alloc
}

void my_callback_helper_unused(int n) {
  g_mem = malloc(static_cast<unsigned>(n));
}
