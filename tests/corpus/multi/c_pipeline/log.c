/* C: the deepest TU of the chain; printf is the site. */
#include "dsp.h"
#include <stdio.h>

void log_value(float v) {
  printf("%f\n", (double)v); // expect: syscall
}
