// A std::function checked non-empty on the way to the call (early return when empty, `&&`, a conditional, `if (f && ready)`) cannot throw bad_function_call; a check that does not guard the call (its else branch, a different object) does not count.
#include <functional>
#include <rtcheck/realtime.h>

static std::function<void(int)> g_first, g_second, g_third, g_fourth, g_other;
static int g_last;
static bool g_ready;

static void store(int v) { g_last = v; }

void install() { g_first = g_second = g_third = g_fourth = g_other = store; }

RTCHECK_REALTIME(audio) void run(int x) {
  g_second && (g_second(x), true);
  g_third ? g_third(x) : void();
  if (g_fourth && g_ready)
    g_fourth(x);
  if (g_other)
    g_last = 0;
  else
    g_other(x); // expect: exception
  if (g_first)
    g_second(x); // expect: exception
  g_third(x); // expect: exception
  if (!g_first)
    return;
  g_first(x);
}
