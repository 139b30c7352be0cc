#include "device.h"

#include <cstdio>

#include <portaudio.h>

#include "rtsample/clock.h"

namespace audio {

void AudioDevice::reserve(uint64_t max_callbacks) {
  capacity_ = max_callbacks;
  durations_ = std::make_unique<std::atomic<uint32_t>[]>(max_callbacks);
}

void AudioDevice::record(uint32_t duration_ns, bool late) noexcept {
  const uint64_t i = callbacks_.load(std::memory_order_relaxed);
  if (i < capacity_)
    durations_[i].store(duration_ns, std::memory_order_relaxed);
  callbacks_.store(i + 1, std::memory_order_release);
  if (late)
    late_.fetch_add(1, std::memory_order_relaxed);
}

std::vector<uint32_t> AudioDevice::durations_ns() const {
  const uint64_t n = std::min(callbacks(), capacity_);
  std::vector<uint32_t> out(n);
  for (uint64_t i = 0; i < n; ++i)
    out[i] = durations_[i].load(std::memory_order_relaxed);
  return out;
}

HeadlessDevice::HeadlessDevice(unsigned sample_rate, unsigned frames, uint64_t max_callbacks,
                               WavWriter *sink)
    : sample_rate_(sample_rate), frames_(frames), sink_(sink) {
  reserve(max_callbacks);
}

HeadlessDevice::~HeadlessDevice() { stop(); }

bool HeadlessDevice::start(RenderFn render, void *user) {
  running_.store(true, std::memory_order_release);
  thread_ = std::thread([this, render, user] { run(render, user); });
  return true;
}

void HeadlessDevice::stop() {
  request_stop();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id())
    thread_.join();
}

void HeadlessDevice::run(RenderFn render, void *user) {
  std::vector<float> block(2 * size_t(frames_));
  const int64_t period = int64_t(frames_) * 1'000'000'000 / sample_rate_;
  int64_t deadline = rtsample::now_ns() + period;
  while (running_.load(std::memory_order_acquire)) {
    const int64_t t0 = rtsample::now_ns();
    render(user, block.data(), frames_);
    const int64_t t1 = rtsample::now_ns();
    record(uint32_t(t1 - t0), t1 > deadline);
    if (sink_)
      sink_->write(block.data(), frames_);
    rtsample::sleep_until_ns(deadline);
    deadline += period;
  }
}

PortAudioDevice::PortAudioDevice(unsigned sample_rate, unsigned frames, uint64_t max_callbacks)
    : sample_rate_(sample_rate), frames_(frames) {
  reserve(max_callbacks);
  initialized_ = Pa_Initialize() == paNoError;
}

PortAudioDevice::~PortAudioDevice() {
  if (stream_) {
    Pa_StopStream(stream_);
    Pa_CloseStream(stream_);
  }
  if (initialized_)
    Pa_Terminate();
}

int PortAudioDevice::on_pa_callback(const void *, void *output, unsigned long frames,
                                    const PaStreamCallbackTimeInfo *, unsigned long, void *self) {
  auto *device = static_cast<PortAudioDevice *>(self);
  const int64_t t0 = rtsample::now_ns();
  device->render_(device->user_, static_cast<float *>(output), unsigned(frames));
  const int64_t t1 = rtsample::now_ns();
  const int64_t period = int64_t(frames) * 1'000'000'000 / device->sample_rate_;
  device->record(uint32_t(t1 - t0), t1 - t0 > period);
  return paContinue;
}

bool PortAudioDevice::start(RenderFn render, void *user) {
  if (!initialized_ || Pa_GetDefaultOutputDevice() == paNoDevice) {
    std::fprintf(stderr, "portaudio: no output device\n");
    return false;
  }
  render_ = render;
  user_ = user;
  PaError err = Pa_OpenDefaultStream(&stream_, 0, 2, paFloat32, sample_rate_, frames_,
                                     &PortAudioDevice::on_pa_callback, this);
  if (err == paNoError)
    err = Pa_StartStream(stream_);
  if (err != paNoError) {
    std::fprintf(stderr, "portaudio: %s\n", Pa_GetErrorText(err));
    return false;
  }
  return true;
}

void PortAudioDevice::stop() {
  if (stream_ && Pa_IsStreamActive(stream_) == 1)
    Pa_StopStream(stream_);
}

bool PortAudioDevice::running() const { return stream_ && Pa_IsStreamActive(stream_) == 1; }

} // namespace audio
