// The other TU's static `helper` (internal linkage) is a different function and is never reached.
#include <stdlib.h>

static void helper(int v) {
  free(malloc(static_cast<unsigned>(v)));
}

void offline(int v) { helper(v); }
