/* Linked against dlerror_probe.c's library: prints how many optional symbols its constructor
 * found missing (3), with or without the shim. */
#include <stdio.h>

int dlerror_probe_missing(void);

int main(void) {
  printf("missing %d\n", dlerror_probe_missing());
  return 0;
}
