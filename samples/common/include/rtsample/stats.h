// Latency summaries for the samples' one-line reports. Runs outside real-time code.
// Real-time safety: allocates (copies and sorts its input).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace rtsample {

struct Summary {
  size_t count = 0;
  double p50 = 0, p95 = 0, p99 = 0, max = 0, mean = 0; // in the unit of the input
};

// Nearest-rank percentiles of `samples`.
template <class T> Summary summarize(std::vector<T> samples) {
  Summary s;
  s.count = samples.size();
  if (samples.empty())
    return s;
  std::sort(samples.begin(), samples.end());
  auto rank = [&](double p) {
    size_t r = size_t(p * double(samples.size()) + 0.999999);
    r = std::clamp<size_t>(r, 1, samples.size());
    return double(samples[r - 1]);
  };
  s.p50 = rank(0.50);
  s.p95 = rank(0.95);
  s.p99 = rank(0.99);
  s.max = double(samples.back());
  double sum = 0;
  for (const T &v : samples)
    sum += double(v);
  s.mean = sum / double(samples.size());
  return s;
}

} // namespace rtsample
