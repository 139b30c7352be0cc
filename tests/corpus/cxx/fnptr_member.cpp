// A call through a pointer to member function reaches the address-taken members of that type.
#include <rtcheck/realtime.h>
#include <stdio.h>

struct Synth {
  void quiet() { level = 0; }
  void loud() {
    puts("loud");  // expect: syscall
    level = 10;
  }
  void unrelated(int v) { printf("%d\n", v); }
  int level = 0;
};

using Action = void (Synth::*)();

Action g_action = &Synth::quiet;

void select_loud() { g_action = &Synth::loud; }

RTCHECK_REALTIME(audio) void process(Synth &s) {
  (s.*g_action)();
}
