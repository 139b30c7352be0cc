/* #10 causes (4): a constant argument rules out the callee's other branches: every audio-path caller logs at LOG_ERR, so only the ERR branch is reported (fluidsynth: the only audio-path fluid_log is FLUID_PANIC, yet the debug branch of the log function was reported; jalv_vlog has the same shape). */
#include <rtcheck/realtime.h>
#include <stdarg.h>
#include <stdio.h>

enum level { LOG_ERR, LOG_WARNING, LOG_DEBUG };

static int vlog(enum level level, const char *fmt, va_list ap) {
  switch (level) {
  case LOG_ERR:
    fputs("error: ", stderr); // expect: syscall
    break;
  case LOG_WARNING:
    fputs("warning: ", stderr);
    break;
  case LOG_DEBUG:
    fputs("trace: ", stderr);
    break;
  }
  return vfprintf(stderr, fmt, ap); // expect: syscall
}

static int app_log(enum level level, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vlog(level, fmt, ap);
  va_end(ap);
  return r;
}

RTCHECK_REALTIME(audio) void apply_ui_events(int ok) {
  if (!ok)
    app_log(LOG_ERR, "ring buffer read failed\n");
}

void startup(void) { app_log(LOG_DEBUG, "started\n"); }
