// A JUCE processBlock written the real-time way (ScopedNoDenormals, cached parameter, in-place gain, preallocated buffer, AbstractFifo, try-free reads): no finding.
#include <juce_audio_processors/juce_audio_processors.h>

class CleanProcessor : public juce::AudioProcessor {
public:
  void processBlock(juce::AudioBuffer<float> &buffer, juce::MidiBuffer &midi) override {
    juce::ScopedNoDenormals noDenormals;
    const int numIn = getTotalNumInputChannels();
    const int numOut = getTotalNumOutputChannels();
    for (int ch = numIn; ch < numOut; ++ch)
      buffer.clear(ch, 0, buffer.getNumSamples());
    const float g = gain_->get();
    for (int ch = 0; ch < numIn; ++ch) {
      float *data = buffer.getWritePointer(ch);
      juce::FloatVectorOperations::multiply(data, g, buffer.getNumSamples());
      delay_.copyFrom(ch, 0, buffer, ch, 0, buffer.getNumSamples());
    }
    int s1, n1, s2, n2;
    fifo_.prepareToWrite(1, s1, n1, s2, n2);
    if (n1 > 0)
      peaks_[s1] = buffer.getMagnitude(0, 0, buffer.getNumSamples());
    fifo_.finishedWrite(n1 + n2);
    lastTimeMs_ = juce::Time::getMillisecondCounterHiRes();
    midi.clear();
  }

  const juce::String getName() const override { return "Clean"; }
  void prepareToPlay(double, int samplesPerBlock) override { delay_.setSize(2, samplesPerBlock); }
  void releaseResources() override {}
  double getTailLengthSeconds() const override { return 0.0; }
  bool acceptsMidi() const override { return false; }
  bool producesMidi() const override { return false; }
  juce::AudioProcessorEditor *createEditor() override { return nullptr; }
  bool hasEditor() const override { return false; }
  int getNumPrograms() override { return 1; }
  int getCurrentProgram() override { return 0; }
  void setCurrentProgram(int) override {}
  const juce::String getProgramName(int) override { return {}; }
  void changeProgramName(int, const juce::String &) override {}

private:
  juce::AudioParameterFloat *gain_ = nullptr;
  juce::AudioBuffer<float> delay_;
  juce::AbstractFifo fifo_{64};
  float peaks_[64] = {};
  double lastTimeMs_ = 0;
};
