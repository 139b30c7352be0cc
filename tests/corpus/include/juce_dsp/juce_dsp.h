/* Declaration-only subset of JUCE 7's juce_dsp module: ProcessSpec, AudioBlock,
 * ProcessContextReplacing and ProcessorBase. The trivial accessors JUCE defines inline in its
 * headers keep their (equivalent) inline bodies. */
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
  size_t getNumChannels() const noexcept { return static_cast<size_t>(numChannels); }
  size_t getNumSamples() const noexcept { return numSamples; }
  SampleType *getChannelPointer(size_t channel) const noexcept { return channels[channel] + startSample; }

private:
  SampleType *const *channels;
  unsigned int numChannels = 0;
  size_t startSample = 0, numSamples = 0;
};

template <typename ContextSampleType>
struct ProcessContextReplacing {
  using SampleType = ContextSampleType;
  explicit ProcessContextReplacing(AudioBlock<SampleType> &block) noexcept : ioBlock(block) {}
  const AudioBlock<SampleType> &getInputBlock() const noexcept { return ioBlock; }
  AudioBlock<SampleType> &getOutputBlock() const noexcept { return ioBlock; }
  bool isBypassed = false;

private:
  AudioBlock<SampleType> &ioBlock;
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
