/* A large report (many scopes, many sites) for the atomicity test; "hang" waits to be killed;
 * "scopes=N" opens N distinct scope names (up to 700: more than the shim's 512 records); "bytes"
 * opens scopes whose names are not UTF-8; "chdir=DIR" changes directory first (a relative report
 * path must not follow it). */
#include <rtcheck/realtime.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char names[700][24];

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
  int scopes = 300;
  if (argc > 1 && strncmp(argv[1], "chdir=", 6) == 0 && chdir(argv[1] + 6) != 0)
    return 1;
  if (argc > 1 && strncmp(argv[1], "scopes=", 7) == 0)
    scopes = atoi(argv[1] + 7);
  if (scopes > 700)
    scopes = 700;
  if (argc > 1 && strcmp(argv[1], "bytes") == 0) {
    /* A Latin-1 byte, a truncated sequence, an overlong form and well-formed UTF-8. */
    static const char *const bytes[] = {"caf\xe9", "cut\xe2\x82", "over\xc0\xaf", "ok\xc3\xa9"};
    for (int i = 0; i < 4; i++) {
      RTCHECK_SCOPE_BEGIN(bytes[i], 1000000000);
      free(malloc(8));
      RTCHECK_SCOPE_END();
    }
    return 0;
  }
  for (int i = 0; i < scopes; i++) {
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
