// A site reached from several roots is reported once per category on its line.
#include <rtcheck/realtime.h>
#include <stdio.h>

static void log_level(int level) {
  printf("level %d\n", level);  // expect: syscall
}

RTCHECK_REALTIME(audio) void on_audio(int level) {
  log_level(level);
}

RTCHECK_REALTIME(camera) void on_frame(int level) {
  log_level(level + 1);
}

void on_midi(int level) [[clang::nonblocking]] {
  log_level(level);
}
