// Lambdas written at file scope with the same signature are different functions: Clang names each one's class without its place, so the analyzer adds the place to tell them apart (ZynAddSubFX's port tables hold hundreds of such lambdas per file; the second lambda's lock here was missed while the first one's body stood for both).
#include <functional>
#include <mutex>
#include <rtcheck/realtime.h>

static std::mutex state_lock;
static int level;

static void (*const quiet)(int) = [](int v) { level = v; };
static void (*const loud)(int) = [](int v) { std::lock_guard<std::mutex> g(state_lock); level = v; };  // expect: lock

static const std::function<void(int)> handlers[] = {
    [](int v) { level += v; },
    [](int v) { std::lock_guard<std::mutex> g(state_lock); level -= v; },  // expect: lock
};

RTCHECK_REALTIME(audio) void process(int v) {
  loud(v);
  quiet(v);
  handlers[1](v);  // expect: exception
}

int main() {
  process(1);
  return 0;
}
