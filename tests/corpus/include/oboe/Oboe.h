/* Declaration-only subset of Oboe 1.7 (oboe/Oboe.h): AudioStream, AudioStreamBuilder and the data
 * callback interfaces. ResultWithValue keeps its (trivial) inline accessors. */
#ifndef OBOE_OBOE_H
#define OBOE_OBOE_H

#include <cstdint>
#include <memory>

namespace oboe {

enum class Result : int32_t { OK = 0, ErrorBase = -900 };
enum class DataCallbackResult : int32_t { Continue = 0, Stop = 1 };
enum class PerformanceMode : int32_t { None = 10, PowerSaving = 11, LowLatency = 12 };
enum class AudioFormat : int32_t { I16 = 1, Float = 2 };
constexpr int64_t kDefaultTimeoutNanos = 2000000000;

template <typename T>
class ResultWithValue {
public:
  ResultWithValue(T value) : mValue(value), mError(Result::OK) {}
  T value() const { return mValue; }
  Result error() const { return mError; }
  explicit operator bool() const { return mError == Result::OK; }

private:
  T mValue;
  Result mError;
};

class AudioStream;

class AudioStreamDataCallback {
public:
  virtual ~AudioStreamDataCallback() = default;
  virtual DataCallbackResult onAudioReady(AudioStream *audioStream, void *audioData, int32_t numFrames) = 0;
};

class AudioStreamErrorCallback {
public:
  virtual ~AudioStreamErrorCallback() = default;
  virtual void onErrorAfterClose(AudioStream *, Result) {}
};

class AudioStreamCallback : public AudioStreamDataCallback, public AudioStreamErrorCallback {
public:
  virtual ~AudioStreamCallback() = default;
};

class AudioStream {
public:
  virtual ~AudioStream() = default;
  virtual Result requestStart() = 0;
  virtual Result requestStop() = 0;
  virtual Result start(int64_t timeoutNanoseconds = kDefaultTimeoutNanos);
  virtual Result stop(int64_t timeoutNanoseconds = kDefaultTimeoutNanos);
  virtual Result close();
  virtual ResultWithValue<int32_t> write(const void *buffer, int32_t numFrames, int64_t timeoutNanoseconds);
  virtual ResultWithValue<int32_t> getXRunCount();
  virtual int64_t getFramesWritten();
  int32_t getChannelCount() const { return mChannelCount; }

protected:
  int32_t mChannelCount = 2;
};

class AudioStreamBuilder {
public:
  AudioStreamBuilder *setPerformanceMode(PerformanceMode performanceMode);
  AudioStreamBuilder *setFormat(AudioFormat format);
  AudioStreamBuilder *setChannelCount(int channelCount);
  AudioStreamBuilder *setDataCallback(AudioStreamDataCallback *dataCallback);
  AudioStreamBuilder *setCallback(AudioStreamCallback *streamCallback);
  Result openStream(std::shared_ptr<AudioStream> &stream);
};

} // namespace oboe

#endif
