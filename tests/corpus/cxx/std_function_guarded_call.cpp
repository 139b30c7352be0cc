// #10 causes (2, library semantics): calling a std::function behind `if (f)` cannot throw bad_function_call (RtAudio's RtApi::error: `if (errorCallback_) errorCallback_(...)` was an exception finding); an unguarded call of one that may be empty still is.
#include <cstdio>
#include <functional>
#include <rtcheck/realtime.h>

static std::function<void(int)> g_error_cb;
static std::function<void(int)> g_maybe_empty;

static int g_last_error;
static void on_error(int code) { g_last_error = code; }
static void on_other(int code) { g_last_error = -code; }

void install_callbacks(bool other) {
  g_error_cb = on_error;
  if (other)
    g_maybe_empty = on_other;
}

RTCHECK_REALTIME(audio) void report(int code) {
  if (g_error_cb)
    g_error_cb(code);
  g_maybe_empty(code); // expect: exception
}
