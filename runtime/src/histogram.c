/* Log-linear (HDR-style) latency histogram: fixed memory, O(1) record, <= 1/32 relative error.
 * Values below 32 ns have one bucket each; above, each power of two [2^e, 2^(e+1)) is split into
 * 32 equal sub-buckets. Real-time safety: wait-free (pure arithmetic). */
#include "rtcheck_internal.h"

uint64_t rtcheck_hist_lower(unsigned index) {
  if (index < RTCHECK_HIST_SUB)
    return index;
  unsigned e = (index - RTCHECK_HIST_SUB) / RTCHECK_HIST_SUB + RTCHECK_HIST_SUB_BITS;
  unsigned m = (index - RTCHECK_HIST_SUB) % RTCHECK_HIST_SUB;
  return (uint64_t)(RTCHECK_HIST_SUB + m) << (e - RTCHECK_HIST_SUB_BITS);
}

uint64_t rtcheck_hist_upper(unsigned index) {
  if (index < RTCHECK_HIST_SUB)
    return index + 1;
  unsigned e = (index - RTCHECK_HIST_SUB) / RTCHECK_HIST_SUB + RTCHECK_HIST_SUB_BITS;
  return rtcheck_hist_lower(index) + ((uint64_t)1 << (e - RTCHECK_HIST_SUB_BITS));
}

uint64_t rtcheck_hist_quantile(const uint64_t *counts, uint64_t n, double q, uint64_t min,
                               uint64_t max) {
  if (n == 0)
    return 0;
  /* The rank of the quantile: the smallest k with k >= q*n (k >= 1). */
  double target = q * (double)n;
  uint64_t rank = (uint64_t)target;
  if ((double)rank < target)
    rank++;
  if (rank == 0)
    rank = 1;
  uint64_t seen = 0;
  for (unsigned i = 0; i < RTCHECK_HIST_BUCKETS; i++) {
    seen += counts[i];
    if (seen >= rank) {
      uint64_t lo = rtcheck_hist_lower(i), hi = rtcheck_hist_upper(i);
      uint64_t mid = lo + (hi - lo - 1) / 2;
      if (mid < min)
        mid = min;
      if (mid > max)
        mid = max;
      return mid;
    }
  }
  return max;
}
