// A std::function field calls what was stored into it, not every callable of its signature: the real-time table's handlers set a level, while a control table's field of the same signature holds a handler that locks. A std::function the flow cannot follow, bound to a non-const reference and written through it, still reaches every callable of its type.
#include <functional>
#include <mutex>
#include <rtcheck/realtime.h>

struct Port {
  const char *name;
  std::function<void(int)> cb;
};

struct Command {
  const char *name;
  std::function<void(int)> run;
};

static std::mutex control_lock;
static int level;

static const Port rt_ports[] = {
    {"gain", [](int v) { level = v; }},
    {"mute", [](int) { level = 0; }},
};

struct Hook {
  std::function<void(long)> fn;
};
static Hook hook;

static void install(std::function<void(long)> &out) {
  out = [](long v) { std::lock_guard<std::mutex> g(control_lock); level = (int)-v; };  // expect: lock
}

RTCHECK_REALTIME(audio) void process(int v) {
  for (const Port &p : rt_ports)
    if (p.cb)
      p.cb(v);
  hook.fn(v);  // expect: exception
}

void control(int v) {
  const Command control_ports[] = {
      {"save", [](int v) { std::lock_guard<std::mutex> g(control_lock); level = v; }},
  };
  for (const Command &c : control_ports)
    c.run(v);
}

int main() {
  install(hook.fn);
  control(1);
  process(2);
  return 0;
}
