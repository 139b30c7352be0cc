/* Declaration-only subset of JUCE 7's juce_dsp module: ProcessSpec, AudioBlock,
 * ProcessContextReplacing and ProcessorBase. */
#ifndef JUCE_DSP_H_INCLUDED
#define JUCE_DSP_H_INCLUDED

#include <juce_audio_basics/juce_audio_basics.h>

namespace juce {
namespace dsp {

struct ProcessSpec {
  double sampleRate;
  uint32_t maximumBlockSize;
  uint32_t numChannels;
};

template <typename SampleType>
class AudioBlock {
public:
  AudioBlock(AudioBuffer<SampleType> &buffer) noexcept;
  size_t getNumChannels() const noexcept;
  size_t getNumSamples() const noexcept;
  SampleType *getChannelPointer(size_t channel) const noexcept;
};

template <typename ContextSampleType>
struct ProcessContextReplacing {
  using SampleType = ContextSampleType;
  explicit ProcessContextReplacing(AudioBlock<SampleType> &block) noexcept;
  const AudioBlock<SampleType> &getInputBlock() const noexcept;
  AudioBlock<SampleType> &getOutputBlock() const noexcept;
  bool isBypassed = false;
};

struct ProcessorBase {
  ProcessorBase() = default;
  virtual ~ProcessorBase() = default;
  virtual void prepare(const ProcessSpec &) = 0;
  virtual void process(const ProcessContextReplacing<float> &) = 0;
  virtual void reset() = 0;
};

} // namespace dsp
} // namespace juce

#endif
