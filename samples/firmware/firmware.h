// The LED/audio firmware of seed 004, shared by both variants: audio features, their extraction
// (Goertzel bands + VU), the LED pattern, telemetry, and the interface the host entry point uses.
#pragma once

#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

#include <rtcheck/realtime.h>

// The firmware's real-time contexts. Spelled once here because the names contain '-', which
// clang-format would space out (and the annotation would then name another context).
// clang-format off
#define FIRMWARE_TASK RTCHECK_REALTIME(firmware-task)
#define FIRMWARE_ISR RTCHECK_REALTIME(firmware-isr)
// clang-format on

namespace fw {

constexpr int kBands = 8;
constexpr float kBandHz[kBands] = {60, 120, 250, 500, 1000, 2000, 4000, 6000};
constexpr size_t kChunk = 128; // samples per I2S block: 8 ms at 16 kHz
constexpr int kLeds = 256;     // WS2812 strip: 7.7 ms to send, so at most ~130 FPS
constexpr int kButtonGpio = 0; // the BOOT button
constexpr int kRenderCore = 0; // "GPU" task
constexpr int kAudioCore = 1;

// What the audio core publishes for the render core.
struct AudioFeatures {
  float bands[kBands] = {};
  float vu = 0;
  uint32_t chunk = 0;
  int64_t captured_us = 0; // esp_timer_get_time() when the I2S block arrived
  uint32_t check = 0;      // chunk ^ 0x5EED5EED: a torn read shows as a mismatch
};

// Goertzel magnitudes for the kBands frequencies over one block. Real-time safety: wait-free.
class FeatureExtractor {
public:
  explicit FeatureExtractor(float sample_rate) {
    for (int b = 0; b < kBands; ++b)
      coeff_[b] = 2.0f * std::cos(2.0f * float(M_PI) * kBandHz[b] / sample_rate);
  }
  void extract(const int16_t *samples, size_t count, AudioFeatures &out) const noexcept {
    float sum_sq = 0;
    for (size_t i = 0; i < count; ++i) {
      const float x = float(samples[i]) / 32768.0f;
      sum_sq += x * x;
    }
    out.vu = std::sqrt(sum_sq / float(count));
    for (int b = 0; b < kBands; ++b) {
      float s1 = 0, s2 = 0;
      for (size_t i = 0; i < count; ++i) {
        const float s0 = float(samples[i]) / 32768.0f + coeff_[b] * s1 - s2;
        s2 = s1;
        s1 = s0;
      }
      const float power = s1 * s1 + s2 * s2 - coeff_[b] * s1 * s2;
      out.bands[b] = std::sqrt(power > 0 ? power : 0) / float(count);
    }
  }

private:
  float coeff_[kBands];
};

// Spectrum bars in one of three palettes; brightness follows the VU. Real-time safety: wait-free.
inline void paint_leds(const AudioFeatures &f, int mode, uint8_t *rgb, int leds) noexcept {
  const int per_band = leds / kBands;
  for (int i = 0; i < leds; ++i) {
    const int band = i / per_band < kBands ? i / per_band : kBands - 1;
    float level = f.bands[band] * 8.0f;
    level = level > 1.0f ? 1.0f : level;
    const bool lit = float(i % per_band) < level * float(per_band);
    const auto v = uint8_t(lit ? 40.0f + 215.0f * (f.vu > 1.0f ? 1.0f : f.vu) : 0.0f);
    rgb[3 * i + 0] = mode == 0 ? v : uint8_t(v / 4);
    rgb[3 * i + 1] = mode == 1 ? v : uint8_t(v / 4);
    rgb[3 * i + 2] = mode == 2 ? v : uint8_t(v / 4);
  }
}

// Counters and per-frame samples, written by the tasks and read after they stop.
// Real-time safety: record_*() are wait-free (storage reserved up front).
struct Telemetry {
  static_assert(std::atomic<uint64_t>::is_always_lock_free);
  explicit Telemetry(size_t max_frames) : latency_us(max_frames), render_ns(max_frames) {}

  void record_frame(uint32_t latency, uint32_t duration_ns) noexcept {
    const size_t i = frames.load(std::memory_order_relaxed);
    if (i < latency_us.size()) {
      latency_us[i] = latency;
      render_ns[i] = duration_ns;
    }
    frames.store(i + 1, std::memory_order_release);
  }

  std::vector<uint32_t> latency_us; // audio-to-render: frame time minus the block's capture time
  std::vector<uint32_t> render_ns;  // render_frame duration
  std::atomic<size_t> frames{0};
  std::atomic<uint64_t> chunks{0};
  std::atomic<uint64_t> isr_count{0};
  std::atomic<uint64_t> button_events{0};
  std::atomic<uint64_t> seqlock_retries{0};
  std::atomic<uint64_t> seqlock_failures{0};
  std::atomic<uint64_t> torn{0}; // frames whose features failed the check (must stay 0)
};

struct FirmwareConfig {
  uint32_t sample_rate = 16000;
  uint32_t button_interval_us = 100'000;
  size_t max_frames = 4096;
};

// Implemented by each variant (legacy/firmware.cpp, fixed/firmware.cpp).
extern const char *const kVariant;
void app_main(const FirmwareConfig &config); // creates the tasks and installs the ISR
void app_stop();                             // asks the tasks to return
Telemetry &telemetry();

} // namespace fw
