// Where the mixer's callback runs: a headless "device" thread that calls it at the real period
// and writes the rendered audio to a WAV file, or a PortAudio output stream on a sound card.
// Either way the device measures every callback (outside the callback's real-time scope) into
// storage reserved before start.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "wav_writer.h"

typedef void PaStream;
struct PaStreamCallbackTimeInfo;

namespace audio {

// The callback contract: render `frames` interleaved stereo frames into `out`.
using RenderFn = void (*)(void *user, float *out, unsigned frames);

class AudioDevice {
public:
  virtual ~AudioDevice() = default;
  virtual bool start(RenderFn render, void *user) = 0;
  // Asks the device to stop delivering callbacks. Real-time safety: wait-free for the headless
  // device; PortAudio's stop blocks (it waits for the callback), so never call it from one.
  virtual void stop() = 0;
  virtual bool running() const = 0;
  virtual const char *name() const = 0;
  // The PortAudio stream, when there is one (the legacy mixer stops it from its callback).
  virtual PaStream *pa_stream() { return nullptr; }

  uint64_t callbacks() const { return callbacks_.load(std::memory_order_acquire); }
  uint64_t late() const { return late_.load(std::memory_order_acquire); }
  // Callback durations in ns, valid after stop().
  std::vector<uint32_t> durations_ns() const;

protected:
  void record(uint32_t duration_ns, bool late) noexcept;
  void reserve(uint64_t max_callbacks);

private:
  std::unique_ptr<std::atomic<uint32_t>[]> durations_;
  uint64_t capacity_ = 0;
  std::atomic<uint64_t> callbacks_{0};
  std::atomic<uint64_t> late_{0};
};

// Calls the callback every `frames / sample_rate` seconds on its own thread, on an absolute
// schedule (clock_nanosleep TIMER_ABSTIME), and writes each block to `sink` when given.
class HeadlessDevice final : public AudioDevice {
public:
  HeadlessDevice(unsigned sample_rate, unsigned frames, uint64_t max_callbacks, WavWriter *sink);
  ~HeadlessDevice() override;
  bool start(RenderFn render, void *user) override;
  void stop() override;
  bool running() const override { return running_.load(std::memory_order_acquire); }
  const char *name() const override { return "headless"; }

  // Asks the device thread to stop after the current block. Real-time safety: wait-free.
  void request_stop() noexcept { running_.store(false, std::memory_order_release); }

private:
  void run(RenderFn render, void *user);
  unsigned sample_rate_, frames_;
  WavWriter *sink_;
  std::atomic<bool> running_{false};
  std::thread thread_;
};

// PortAudio default output device, stereo float32. Available when PortAudio finds a device.
class PortAudioDevice final : public AudioDevice {
public:
  PortAudioDevice(unsigned sample_rate, unsigned frames, uint64_t max_callbacks);
  ~PortAudioDevice() override;
  bool start(RenderFn render, void *user) override;
  void stop() override;
  bool running() const override;
  const char *name() const override { return "portaudio"; }
  PaStream *pa_stream() override { return stream_; }

private:
  static int on_pa_callback(const void *, void *output, unsigned long frames,
                            const PaStreamCallbackTimeInfo *, unsigned long, void *self);
  unsigned sample_rate_, frames_;
  PaStream *stream_ = nullptr;
  RenderFn render_ = nullptr;
  void *user_ = nullptr;
  bool initialized_ = false;
};

} // namespace audio
