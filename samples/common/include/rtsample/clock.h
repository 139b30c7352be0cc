// Monotonic time for the samples. clock_gettime(CLOCK_MONOTONIC) is served by the vDSO on Linux:
// no system call, no lock.
// Real-time safety: wait-free.
#pragma once

#include <cstdint>
#include <ctime>

namespace rtsample {

inline int64_t now_ns() noexcept {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Sleeps until the absolute monotonic time `deadline_ns` (for pacing threads that simulate
// hardware; never called from real-time scopes). Real-time safety: blocking.
inline void sleep_until_ns(int64_t deadline_ns) noexcept {
  timespec ts{time_t(deadline_ns / 1'000'000'000), long(deadline_ns % 1'000'000'000)};
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) != 0) {
  }
}

} // namespace rtsample
