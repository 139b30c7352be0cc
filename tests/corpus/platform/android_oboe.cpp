// Oboe: onAudioReady overrides (AudioStreamDataCallback and the older AudioStreamCallback) are audio roots; std::mutex, vector growth and stopping the stream from the callback are reported, channel count and xrun queries are not.
#include <oboe/Oboe.h>
#include <cstring>
#include <mutex>
#include <vector>

class Synth : public oboe::AudioStreamDataCallback {
public:
  oboe::DataCallbackResult onAudioReady(oboe::AudioStream *stream, void *audioData, int32_t numFrames) override {
    const int32_t ch = stream->getChannelCount();
    std::memset(audioData, 0, sizeof(float) * static_cast<size_t>(numFrames * ch));
    auto xruns = stream->getXRunCount();
    if (xruns && xruns.value() > lastXruns_) {
      std::lock_guard<std::mutex> lock(mutex_); // expect: lock
      xrunLog_.push_back(xruns.value()); // expect: alloc
    }
    if (numFrames == 0)
      stream->stop(); // expect: driver
    return oboe::DataCallbackResult::Continue;
  }

private:
  std::mutex mutex_;
  std::vector<int32_t> xrunLog_;
  int32_t lastXruns_ = 0;
};

class LegacyPlayer : public oboe::AudioStreamCallback {
public:
  oboe::DataCallbackResult onAudioReady(oboe::AudioStream *stream, void *audioData, int32_t numFrames) override {
    stream->write(audioData, numFrames, 1000000); // expect: driver
    return oboe::DataCallbackResult::Continue;
  }
};

std::shared_ptr<oboe::AudioStream> open(Synth &synth) {
  std::shared_ptr<oboe::AudioStream> stream;
  oboe::AudioStreamBuilder b;
  b.setPerformanceMode(oboe::PerformanceMode::LowLatency)->setDataCallback(&synth)->openStream(stream);
  return stream;
}
