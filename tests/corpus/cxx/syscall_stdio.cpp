// C stdio output and file functions are syscall findings.
#include <rtcheck/realtime.h>
#include <stdio.h>

RTCHECK_REALTIME(audio) void process(const float *buf, int n) {
  printf("frames=%d\n", n);  // expect: syscall
  puts("tick");  // expect: syscall
  fprintf(stderr, "warn\n");  // expect: syscall
  FILE *f = fopen("/tmp/dump.raw", "wb");  // expect: syscall
  fwrite(buf, sizeof(float), static_cast<size_t>(n), f);  // expect: syscall
}
