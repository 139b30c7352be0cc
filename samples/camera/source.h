// Frame sources: a synthetic camera (a bright subject that slowly slouches and straightens, with
// an occasional occlusion) at a fixed frame rate, or a V4L2 device when one exists. Each source
// times every callback from outside the callback's real-time scope.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "frame.h"

namespace camera {

using FrameFn = void (*)(void *user, const Frame &frame);

class FrameSource {
public:
  virtual ~FrameSource() = default;
  virtual bool start(FrameFn fn, void *user) = 0;
  virtual void stop() = 0;
  virtual std::string describe() const = 0;
  uint64_t frames() const { return frames_.load(std::memory_order_acquire); }
  std::vector<uint32_t> durations_ns() const; // valid after stop()

protected:
  explicit FrameSource(uint64_t max_frames) : durations_(max_frames) {}
  void record(uint32_t ns) noexcept;

private:
  std::vector<uint32_t> durations_;
  std::atomic<uint64_t> frames_{0};
};

class SyntheticSource final : public FrameSource {
public:
  SyntheticSource(double fps, uint64_t max_frames) : FrameSource(max_frames), fps_(fps) {}
  ~SyntheticSource() override { stop(); }
  bool start(FrameFn fn, void *user) override;
  void stop() override;
  std::string describe() const override;
  // Renders frame `index` of the synthetic scene (deterministic).
  static void render(uint64_t index, double fps, Frame &frame);

private:
  double fps_;
  std::atomic<bool> running_{false};
  std::thread thread_;
};

// Memory-mapped V4L2 capture (YUYV or GREY), luma scaled to the analysis size.
std::unique_ptr<FrameSource> open_v4l2(const std::string &device, double fps, uint64_t max_frames);

} // namespace camera
