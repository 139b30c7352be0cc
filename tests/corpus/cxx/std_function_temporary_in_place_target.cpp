// A std::function temporary made from a small trivially copyable lambda keeps the lambda in place: destroying it frees nothing, although other std::function<void()> targets of the program live on the heap (libcamera's cam: `loop_->callLater([=]() { ... })`); a target too large to keep in place is still an allocation.
#include <functional>
#include <string>
#include <rtcheck/realtime.h>

static int g_count;
static double g_sum;

static void later(const std::function<void()> &task) { (void)task; }

void setup() {
  std::string name = "setup";
  std::function<void()> named = [name] { g_count += (int)name.size(); };
  later(named);
}

RTCHECK_REALTIME(audio) void process(int *frame) {
  later([frame] { ++*frame; });
  later(std::function<void()>([frame] { --*frame; }));
}

RTCHECK_REALTIME(audio) void process_wide(double a, double b, double c) {
  later([a, b, c] { g_sum = a + b + c; });  // expect: alloc
}

int main() {
  setup();
  int frame = 0;
  process(&frame);
  process_wide(1, 2, 3);
  return 0;
}
