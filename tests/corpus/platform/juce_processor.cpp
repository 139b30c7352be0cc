// JUCE: an unannotated AudioProcessor::processBlock override (and processBlockBypassed) is an audio root; std::vector growth, locks, logging, MIDI output, buffer resizing and host notifications are reported, buffer access and FloatVectorOperations are not.
#include <juce_audio_processors/juce_audio_processors.h>
#include <vector>

class GainProcessor : public juce::AudioProcessor {
public:
  void processBlock(juce::AudioBuffer<float> &buffer, juce::MidiBuffer &midi) override {
    const float g = gain_->get();
    for (int ch = 0; ch < buffer.getNumChannels(); ++ch)
      juce::FloatVectorOperations::multiply(buffer.getWritePointer(ch), g, buffer.getNumSamples());
    buffer.applyGain(0.5f);
    levels_.push_back(buffer.getRMSLevel(0, 0, buffer.getNumSamples())); // expect: alloc
    {
      const juce::ScopedLock sl(stateLock_); // expect: lock
      lastGain_ = g;
    }
    auto pos = getPlayHead()->getPosition(); // expect: indirect
    juce::Logger::writeToLog(juce::String(g)); // expect: alloc, syscall
    juce::Logger::outputDebugString("gain " + juce::String(g)); // expect: alloc, syscall
    midi.addEvent(juce::MidiMessage::noteOn(1, 60, 1.0f), 0); // expect: alloc
    scratch_.setSize(2, buffer.getNumSamples()); // expect: alloc
    if (g == 0.0f)
      updateHostDisplay(); // expect: lock
  }

  void processBlockBypassed(juce::AudioBuffer<float> &buffer, juce::MidiBuffer &) override {
    juce::AudioBuffer<float> copy(buffer); // expect: alloc
    juce::Thread::sleep(1); // expect: syscall
  }

  const juce::String getName() const override { return "Gain"; }
  void prepareToPlay(double, int samplesPerBlock) override { levels_.reserve(samplesPerBlock); }
  void releaseResources() override {}
  double getTailLengthSeconds() const override { return 0.0; }
  bool acceptsMidi() const override { return true; }
  bool producesMidi() const override { return true; }
  juce::AudioProcessorEditor *createEditor() override { return nullptr; }
  bool hasEditor() const override { return false; }
  int getNumPrograms() override { return 1; }
  int getCurrentProgram() override { return 0; }
  void setCurrentProgram(int) override {}
  const juce::String getProgramName(int) override { return {}; }
  void changeProgramName(int, const juce::String &) override {}

private:
  juce::AudioParameterFloat *gain_ = nullptr;
  juce::CriticalSection stateLock_;
  juce::AudioBuffer<float> scratch_;
  std::vector<float> levels_;
  float lastGain_ = 1.0f;
};

juce::AudioProcessor *createPluginFilter() { return new GainProcessor(); }
