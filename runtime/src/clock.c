/* The scope clock: CLOCK_MONOTONIC nanoseconds, read either through the vDSO (clock_gettime) or,
 * where the TSC is invariant, with rdtsc scaled by a factor calibrated against CLOCK_MONOTONIC.
 * Both give nanoseconds on the CLOCK_MONOTONIC time line, so a scope that begins before the
 * calibration and ends after it is still measured correctly (to the calibration's error).
 *
 * Calibration costs nothing at start-up: the shim notes one (rdtsc, clock_gettime) pair when it
 * starts, and the first clock read at least RTCHECK_TSC_CALIBRATE_NS later takes the second pair
 * and publishes the factor. Until then reads go through clock_gettime. Measured figures:
 * docs/performance.md. */
#include "rtcheck_internal.h"

#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#if defined(__x86_64__)
#include <cpuid.h>
#include <x86intrin.h>
#define RTCHECK_HAVE_TSC 1
#endif

/* 20 ms between the two calibration pairs: each clock_gettime/rdtsc pair is taken within ~50 ns,
 * so the factor is good to a few ppm (0.1 ns on a 20 us scope). */
#define RTCHECK_TSC_CALIBRATE_NS 20000000u

static uint64_t monotonic_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

rtcheck_tsc_state rtcheck_tsc;

#ifdef RTCHECK_HAVE_TSC

/* The TSC ticks at a constant rate in every P-/C-state (CPUID 0x80000007 EDX bit 8), or the kernel
 * itself serves CLOCK_MONOTONIC from it (a VM whose hypervisor hides the CPUID bit). */
static int tsc_invariant(void) {
  unsigned a, b, c, d;
  if (__get_cpuid(0x80000007, &a, &b, &c, &d) && (d & (1u << 8)))
    return 1;
  char buf[16] = {0};
  int fd = open("/sys/devices/system/clocksource/clocksource0/current_clocksource",
                O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  return n >= 3 && memcmp(buf, "tsc", 3) == 0 && (n == 3 || buf[3] == '\n');
}

uint64_t rtcheck_now_ns_slow(void) {
  uint64_t ns = monotonic_ns();
  if (!rtcheck_tsc.wanted)
    return ns;
  uint64_t ticks = __rdtsc();
  if (ns - rtcheck_tsc.ns0 >= RTCHECK_TSC_CALIBRATE_NS && ticks > rtcheck_tsc.tsc0) {
    unsigned __int128 elapsed = (unsigned __int128)(ns - rtcheck_tsc.ns0) << 32;
    uint64_t mult = (uint64_t)(elapsed / (ticks - rtcheck_tsc.tsc0));
    if (mult)
      __atomic_store_n(&rtcheck_tsc.mult, mult, __ATOMIC_RELEASE);
  }
  return ns;
}

void rtcheck_clock_init(int choice) {
  rtcheck_tsc.wanted = choice != RTCHECK_CLOCK_MONOTONIC && tsc_invariant();
  rtcheck_tsc.ns0 = monotonic_ns();
  rtcheck_tsc.tsc0 = __rdtsc();
}

const char *rtcheck_clock_name(void) { return rtcheck_tsc.wanted ? "tsc" : "CLOCK_MONOTONIC"; }
#else
uint64_t rtcheck_now_ns_slow(void) { return monotonic_ns(); }
void rtcheck_clock_init(int choice) { (void)choice; }
const char *rtcheck_clock_name(void) { return "CLOCK_MONOTONIC"; }
#endif
