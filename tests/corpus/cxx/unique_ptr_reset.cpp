// unique_ptr::reset on a member deletes the old object: alloc on the reset line.
#include <memory>
#include <rtcheck/realtime.h>

struct Plugin {
  int id = 0;
};

std::unique_ptr<Plugin> g_plugin;

RTCHECK_REALTIME(audio) void process() {
  g_plugin.reset();  // expect: alloc
}
