// An Oboe onAudioReady and an AAudio data callback that render from preallocated state and stop by returning Stop: no finding.
#include <aaudio/AAudio.h>
#include <oboe/Oboe.h>
#include <atomic>
#include <cmath>

class Tone : public oboe::AudioStreamDataCallback {
public:
  oboe::DataCallbackResult onAudioReady(oboe::AudioStream *stream, void *audioData, int32_t numFrames) override {
    auto *out = static_cast<float *>(audioData);
    const int32_t ch = stream->getChannelCount();
    for (int32_t i = 0; i < numFrames; ++i) {
      const float v = 0.2f * std::sin(phase_);
      phase_ += 0.05f;
      for (int32_t c = 0; c < ch; ++c)
        out[i * ch + c] = v;
    }
    return stop_.load(std::memory_order_relaxed) ? oboe::DataCallbackResult::Stop : oboe::DataCallbackResult::Continue;
  }
  std::atomic<bool> stop_{false};

private:
  float phase_ = 0.0f;
};

static aaudio_data_callback_result_t silence(AAudioStream *stream, void *, void *audioData, int32_t numFrames) {
  auto *out = static_cast<float *>(audioData);
  const int32_t n = numFrames * AAudioStream_getChannelCount(stream);
  for (int32_t i = 0; i < n; ++i)
    out[i] = 0.0f;
  return AAUDIO_CALLBACK_RESULT_CONTINUE;
}

void setup(AAudioStreamBuilder *b) { AAudioStreamBuilder_setDataCallback(b, silence, nullptr); }
