/* A large report (many scopes, many sites) for the atomicity test; "hang" waits to be killed. */
#include <rtcheck/realtime.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char names[300][24];

static void *site(int i) {
  /* Different call sites: one malloc per case. */
  switch (i % 4) {
  case 0:
    return malloc(8);
  case 1:
    return malloc(16);
  case 2:
    return malloc(24);
  default:
    return malloc(32);
  }
}

int main(int argc, char **argv) {
  for (int i = 0; i < 300; i++) {
    snprintf(names[i], sizeof names[i], "many.scope.%03d", i);
    RTCHECK_SCOPE_BEGIN(names[i], 1000);
    void *volatile p = site(i);
    free(p);
    RTCHECK_SCOPE_END();
  }
  if (argc > 1 && strcmp(argv[1], "hang") == 0) {
    fputs("ready\n", stdout);
    fflush(stdout);
    pause();
  }
  return 0;
}
