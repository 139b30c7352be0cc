/* Scopes before main (a constructor) and during exit (an atexit handler): the shim must already
 * count in the first and still count - and report - the second. */
#include <rtcheck/realtime.h>

#include <stdlib.h>

static void at_exit_handler(void) {
  RTCHECK_SCOPE_BEGIN("lifecycle.atexit", 0);
  void *volatile p = malloc(8);
  free(p);
  RTCHECK_SCOPE_END();
}

__attribute__((constructor)) static void before_main(void) {
  RTCHECK_SCOPE_BEGIN("lifecycle.constructor", 0);
  void *volatile p = malloc(8);
  free(p);
  RTCHECK_SCOPE_END();
  atexit(at_exit_handler);
}

int main(void) { return 0; }
