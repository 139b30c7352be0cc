// Minimal stand-in for juce::AudioProcessor (declarations only) for override-registration cases.
#ifndef RTCHECK_CORPUS_JUCE_DECLS_H
#define RTCHECK_CORPUS_JUCE_DECLS_H

namespace juce {

template <typename T> class AudioBuffer;
class MidiBuffer;

class AudioProcessor {
public:
  virtual ~AudioProcessor() = default;
  virtual void prepareToPlay(double sampleRate, int maximumExpectedSamplesPerBlock) = 0;
  virtual void processBlock(AudioBuffer<float> &buffer, MidiBuffer &midi) = 0;
};

} // namespace juce

#endif // RTCHECK_CORPUS_JUCE_DECLS_H
