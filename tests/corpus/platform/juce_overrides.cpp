// JUCE real-time virtuals beyond processBlock: AudioIODeviceCallback (WithContext and the deprecated overload), AudioSource, SynthesiserVoice render/start/stop, dsp::ProcessorBase::process, MidiInputCallback and AudioProcessorListener overrides are audio roots.
#include <juce_audio_devices/juce_audio_devices.h>
#include <juce_audio_processors/juce_audio_processors.h>
#include <juce_dsp/juce_dsp.h>
#include <map>
#include <memory>
#include <string>

class Recorder : public juce::AudioIODeviceCallback {
public:
  void audioDeviceIOCallbackWithContext(const float *const *in, int numIn, float *const *out, int numOut,
                                        int numSamples, const juce::AudioIODeviceCallbackContext &) override {
    for (int ch = 0; ch < numOut; ++ch)
      juce::FloatVectorOperations::copy(out[ch], in[ch % numIn], numSamples);
    const juce::ScopedLock sl(lock_); // expect: lock
    takes_.add(numSamples); // expect: alloc
  }
  void audioDeviceIOCallback(const float **, int, float **, int, int numSamples) override {
    history_ = std::make_unique<float[]>(numSamples); // expect: alloc
  }
  void audioDeviceAboutToStart(juce::AudioIODevice *) override {}
  void audioDeviceStopped() override {}

private:
  juce::CriticalSection lock_;
  juce::Array<int> takes_;
  std::unique_ptr<float[]> history_;
};

class Player : public juce::AudioSource {
public:
  void prepareToPlay(int, double) override {}
  void releaseResources() override {}
  void getNextAudioBlock(const juce::AudioSourceChannelInfo &info) override {
    info.clearActiveBufferRegion();
    juce::Thread::yield(); // expect: syscall
  }
};

class SineVoice : public juce::SynthesiserVoice {
public:
  bool canPlaySound(juce::SynthesiserSound *) override { return true; }
  void startNote(int note, float velocity, juce::SynthesiserSound *, int) override {
    names_[note] = velocity > 0.5f ? "loud" : "soft"; // expect: alloc
  }
  void stopNote(float, bool allowTailOff) override {
    if (!allowTailOff)
      clearCurrentNote();
  }
  void pitchWheelMoved(int) override {}
  void controllerMoved(int, int) override {}
  void renderNextBlock(juce::AudioBuffer<float> &out, int start, int num) override {
    out.clear(start, num);
    juce::Logger::writeToLog("render"); // expect: alloc, syscall
  }

private:
  std::map<int, std::string> names_;
};

struct Waveshaper : juce::dsp::ProcessorBase {
  void prepare(const juce::dsp::ProcessSpec &) override {}
  void process(const juce::dsp::ProcessContextReplacing<float> &ctx) override {
    auto &block = ctx.getOutputBlock();
    table_.resize(block.getNumSamples()); // expect: alloc
  }
  void reset() override {}
  std::string table_;
};

class MidiLogger : public juce::MidiInputCallback {
public:
  void handleIncomingMidiMessage(juce::MidiInput *, const juce::MidiMessage &m) override {
    const juce::SpinLock::ScopedLockType sl(lock_); // expect: lock
    pending_.addEvent(m, 0); // expect: alloc
  }

private:
  juce::SpinLock lock_;
  juce::MidiBuffer pending_;
};

class ParamWatcher : public juce::AudioProcessorListener {
public:
  void audioProcessorParameterChanged(juce::AudioProcessor *p, int, float) override {
    p->setLatencySamples(64); // expect: lock
  }
};
