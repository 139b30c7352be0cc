// std::vector growth reaches operator new and std::__throw_length_error: alloc, exception on the call line.
#include <rtcheck/realtime.h>
#include <vector>

struct Event {
  int note;
  float velocity;
};

std::vector<int> g_ints;
std::vector<Event> g_events;

RTCHECK_REALTIME(audio) void process(int n) {
  g_ints.push_back(n);  // expect: alloc
  g_events.emplace_back(Event{n, 0.5f});  // expect: alloc
  g_ints.resize(static_cast<unsigned>(n));  // expect: alloc
  g_events.reserve(64);  // expect: alloc
}
