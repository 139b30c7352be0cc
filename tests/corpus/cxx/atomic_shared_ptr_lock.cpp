// C++20: std::atomic<std::shared_ptr<T>> is not lock-free in libstdc++: load and store take a spin lock bit in the control-block pointer (and dropping the loaded copy may free).
#include <atomic>
#include <memory>
#include <rtcheck/realtime.h>

struct Settings {
  float gain = 1.0f;
};

static std::atomic<std::shared_ptr<Settings>> g_settings;
static float g_gain;

void setup() { g_settings.store(std::make_shared<Settings>()); }

RTCHECK_REALTIME(audio) void process() {
  g_gain = g_settings.load()->gain; // expect: lock, alloc
}
