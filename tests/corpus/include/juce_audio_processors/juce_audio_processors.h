/* Declaration-only subset of JUCE 7's juce_audio_processors module: AudioProcessor (with its
 * processBlock overloads), AudioPlayHead, parameters and AudioProcessorListener. */
#ifndef JUCE_AUDIO_PROCESSORS_H_INCLUDED
#define JUCE_AUDIO_PROCESSORS_H_INCLUDED

#include <juce_audio_basics/juce_audio_basics.h>

namespace juce {

class AudioProcessorEditor;

class JUCE_API AudioPlayHead {
public:
  struct PositionInfo {
    int64 timeInSamples = 0;
    double bpm = 120.0;
    bool isPlaying = false;
  };
  virtual ~AudioPlayHead() = default;
  virtual Optional<PositionInfo> getPosition() const = 0;
};

class JUCE_API AudioProcessorParameter {
public:
  virtual ~AudioProcessorParameter();
  virtual float getValue() const = 0;
  virtual void setValue(float newValue) = 0;
  void setValueNotifyingHost(float newValue);
  void beginChangeGesture();
  void endChangeGesture();
};

class JUCE_API AudioParameterFloat : public AudioProcessorParameter {
public:
  AudioParameterFloat(const String &parameterID, const String &parameterName, float minValue,
                      float maxValue, float defaultValue);
  ~AudioParameterFloat() override;
  float get() const noexcept;
  float getValue() const override;
  void setValue(float newValue) override;
};

class AudioProcessor;

class JUCE_API AudioProcessorListener {
public:
  virtual ~AudioProcessorListener() = default;
  virtual void audioProcessorParameterChanged(AudioProcessor *processor, int parameterIndex,
                                              float newValue) = 0;
};

class JUCE_API AudioProcessor {
public:
  virtual ~AudioProcessor();
  virtual const String getName() const = 0;
  virtual void prepareToPlay(double sampleRate, int maximumExpectedSamplesPerBlock) = 0;
  virtual void releaseResources() = 0;
  virtual void processBlock(AudioBuffer<float> &buffer, MidiBuffer &midiMessages) = 0;
  virtual void processBlock(AudioBuffer<double> &buffer, MidiBuffer &midiMessages);
  virtual void processBlockBypassed(AudioBuffer<float> &buffer, MidiBuffer &midiMessages);
  virtual void processBlockBypassed(AudioBuffer<double> &buffer, MidiBuffer &midiMessages);
  virtual double getTailLengthSeconds() const = 0;
  virtual bool acceptsMidi() const = 0;
  virtual bool producesMidi() const = 0;
  virtual AudioProcessorEditor *createEditor() = 0;
  virtual bool hasEditor() const = 0;
  virtual int getNumPrograms() = 0;
  virtual int getCurrentProgram() = 0;
  virtual void setCurrentProgram(int index) = 0;
  virtual const String getProgramName(int index) = 0;
  virtual void changeProgramName(int index, const String &newName) = 0;

  AudioPlayHead *getPlayHead() const noexcept;
  int getTotalNumInputChannels() const noexcept { return cachedTotalIns; }
  int getTotalNumOutputChannels() const noexcept { return cachedTotalOuts; }
  double getSampleRate() const noexcept { return currentSampleRate; }
  int getBlockSize() const noexcept { return blockSize; }
  void setLatencySamples(int newLatency);
  void updateHostDisplay();
  void addParameter(AudioProcessorParameter *param);

private:
  int cachedTotalIns = 0, cachedTotalOuts = 0;
  double currentSampleRate = 0;
  int blockSize = 0;
};

} // namespace juce

#endif
