/* A plugin rt_blocking dlopens from inside a scope; its constructor allocates (code that runs
 * inside the scope, and is counted there). */
#include <stdlib.h>

__attribute__((constructor)) static void plugin_init(void) {
  void *volatile p = malloc(16);
  free(p);
}

int rt_plugin_answer(void) { return 42; }
