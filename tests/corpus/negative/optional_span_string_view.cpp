// std::optional<int>, std::span and std::string_view operations do not allocate, lock or throw.
#include <optional>
#include <rtcheck/realtime.h>
#include <span>
#include <string_view>

std::optional<int> g_pending;

RTCHECK_REALTIME(audio) int process(std::span<const float> buf, std::string_view name) {
  g_pending.emplace(static_cast<int>(buf.size()));
  g_pending.reset();
  std::span<const float> head = buf.first(buf.size() / 2);
  return static_cast<int>(head.size() + name.size()) + g_pending.value_or(0);
}
