// std::atomic of a 32-byte struct is not lock-free: its operations take a lock (libatomic).
#include <atomic>
#include <rtcheck/realtime.h>

struct Params {
  double gain;
  double pan;
  double cutoff;
  double resonance;
};

std::atomic<Params> g_params;
std::atomic<int> g_frames{0};

RTCHECK_REALTIME(audio) double process(const Params &fresh) {
  Params p = g_params.load();  // expect: lock
  g_params.store(fresh);  // expect: lock
  g_frames.fetch_add(1);
  return p.gain;
}
