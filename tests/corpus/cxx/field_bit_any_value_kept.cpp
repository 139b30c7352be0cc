// #10 possible bits of a field, the counter-cases: a member given a value that is not a constant, one whose object is overwritten as raw memory (memset), one whose address is taken, one written through a pointer to member and a volatile one may hold any bits, so the branches they guard are followed.
#include <rtcheck/realtime.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum : unsigned { FLAG_REALTIME = 8 };

struct Parsed {
  unsigned flags = 0;
};
struct Raw {
  unsigned flags = 0;
};
struct Pointed {
  unsigned flags = 0;
};
struct ByMember {
  unsigned flags = 0;
};
struct Device {
  volatile unsigned status = 0;
};

Parsed g_parsed;
Raw g_raw;
Pointed g_pointed;
ByMember g_byMember;
Device g_device;

RTCHECK_REALTIME(audio) void process() {
  if (g_parsed.flags & FLAG_REALTIME)
    puts("parsed"); // expect: syscall
  if (g_raw.flags & FLAG_REALTIME)
    puts("raw"); // expect: syscall
  if (g_pointed.flags != 0)
    puts("pointed"); // expect: syscall
  if (g_byMember.flags != 0)
    puts("by member"); // expect: syscall
  if (g_device.status & 1)
    puts("device ready"); // expect: syscall
}

static void setFlags(unsigned *flags, unsigned value) { *flags = value; }

int main(int argc, char **argv) {
  g_parsed.flags = argc > 1 ? unsigned(atoi(argv[1])) : 0u;
  memset(&g_raw, 0xff, sizeof g_raw);
  setFlags(&g_pointed.flags, FLAG_REALTIME);
  unsigned ByMember::*field = &ByMember::flags;
  g_byMember.*field = FLAG_REALTIME;
  process();
  return 0;
}
