// Every override of juce::AudioProcessor::processBlock is a root (rules override entry);
// prepareToPlay, which runs on the message thread, is not.
#include <juce_decls.h>
#include <stdlib.h>
#include <vector>

class Synth : public juce::AudioProcessor {
public:
  void prepareToPlay(double, int maxSamples) override {
    scratch_.resize(static_cast<unsigned>(maxSamples));
  }
  void processBlock(juce::AudioBuffer<float> &, juce::MidiBuffer &) override {
    scratch_.push_back(0.0f);  // expect: alloc
  }

private:
  std::vector<float> scratch_;
};
