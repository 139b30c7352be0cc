#include "source.h"

#include <cmath>
#include <cstdio>

#include "rtsample/clock.h"

namespace camera {

void FrameSource::record(uint32_t ns) noexcept {
  const uint64_t i = frames_.load(std::memory_order_relaxed);
  if (i < durations_.size())
    durations_[i] = ns;
  frames_.store(i + 1, std::memory_order_release);
}

std::vector<uint32_t> FrameSource::durations_ns() const {
  const uint64_t n = std::min<uint64_t>(frames(), durations_.size());
  return std::vector<uint32_t>(durations_.begin(), durations_.begin() + long(n));
}

void SyntheticSource::render(uint64_t index, double fps, Frame &frame) {
  frame.index = index;
  const double t = double(index) / fps;
  // The subject's head drifts between upright (y = 35 %) and slouched (y = 80 %) every 4 s.
  const double cy = (0.575 - 0.225 * std::cos(2.0 * M_PI * t / 4.0)) * (kHeight - 1);
  const double cx = kWidth / 2.0 + 10.0 * std::sin(2.0 * M_PI * t / 3.0);
  const bool occluded = index % 90 == 45; // a hand over the lens for one frame
  uint32_t noise = uint32_t(index * 2654435761u);
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      noise = noise * 1664525u + 1013904223u;
      const double dx = x - cx, dy = y - cy;
      int v = 40 + int(noise >> 29); // dark background with sensor noise
      if (dx * dx + dy * dy < 144.0)
        v = 220;
      if (occluded)
        v = 200 - v / 2;
      frame.luma[size_t(y * kWidth + x)] = uint8_t(v);
    }
  }
}

bool SyntheticSource::start(FrameFn fn, void *user) {
  running_.store(true, std::memory_order_release);
  thread_ = std::thread([this, fn, user] {
    auto frame = std::make_unique<Frame>();
    const int64_t period = int64_t(1e9 / fps_);
    int64_t next = rtsample::now_ns();
    for (uint64_t i = 0; running_.load(std::memory_order_acquire); ++i) {
      render(i, fps_, *frame);
      const int64_t t0 = rtsample::now_ns();
      frame->capture_ns = t0;
      fn(user, *frame);
      record(uint32_t(rtsample::now_ns() - t0));
      next += period;
      rtsample::sleep_until_ns(next);
    }
  });
  return true;
}

void SyntheticSource::stop() {
  running_.store(false, std::memory_order_release);
  if (thread_.joinable())
    thread_.join();
}

std::string SyntheticSource::describe() const {
  char text[64];
  std::snprintf(text, sizeof text, "synthetic %dx%d at %.0f fps", kWidth, kHeight, fps_);
  return text;
}

} // namespace camera
