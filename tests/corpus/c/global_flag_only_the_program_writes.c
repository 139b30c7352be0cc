// A flag of the program holds what the program stores: a debug flag nothing sets (file-private or exported) keeps its prints off the audio path, one that main sets from its arguments keeps them reported, and one whose address is handed out may hold anything.
#include <stdio.h>
#include <rtcheck/realtime.h>

static int debug_enabled = 0;
int exported_debug = 0;
static int trace_level;
static int verbose;
static int quiet = 1;
static int *quiet_handle = &quiet;

RTCHECK_REALTIME(audio) void process(float *out, int frames) {
  if (debug_enabled || exported_debug)
    fprintf(stderr, "process %d\n", frames);
  if (trace_level > 1)
    fprintf(stderr, "trace\n");
  if (verbose)
    fprintf(stderr, "verbose\n"); // expect: syscall
  if (!quiet)
    fprintf(stderr, "loud\n"); // expect: syscall
  for (int i = 0; i < frames; ++i)
    out[i] = 0.0f;
}

int main(int argc, char **argv) {
  (void)argv;
  verbose = argc > 1;
  trace_level = 1;
  *quiet_handle = argc > 2 ? 0 : 1;
  float buffer[64];
  process(buffer, 64);
  return 0;
}
