/* Declaration-only subset of JUCE 7's juce_audio_basics module: AudioBuffer, MidiMessage,
 * MidiBuffer, FloatVectorOperations, ScopedNoDenormals, AudioSource, SynthesiserVoice. Functions
 * JUCE defines in its .cpp files are declared only; the few it defines inline in the header keep an
 * equivalent inline body. */
#ifndef JUCE_AUDIO_BASICS_H_INCLUDED
#define JUCE_AUDIO_BASICS_H_INCLUDED

#include <juce_core/juce_core.h>

namespace juce {

template <typename Type>
class AudioBuffer {
public:
  AudioBuffer() noexcept;
  AudioBuffer(int numChannelsToAllocate, int numSamplesToAllocate);
  AudioBuffer(const AudioBuffer &other);
  /* JUCE declares it `= default`; the implicit body frees the HeapBlock that holds the samples.
   * Declared only here, like the constructors, so the rules database classifies it. */
  ~AudioBuffer();
  AudioBuffer &operator=(const AudioBuffer &other);

  int getNumChannels() const noexcept;
  int getNumSamples() const noexcept;
  const Type *getReadPointer(int channelNumber) const noexcept;
  Type *getWritePointer(int channelNumber) noexcept;
  void setSize(int newNumChannels, int newNumSamples, bool keepExistingContent = false,
               bool clearExtraSpace = false, bool avoidReallocating = false);
  void makeCopyOf(const AudioBuffer &other, bool avoidReallocating = false);
  void clear() noexcept;
  void clear(int startSample, int numSamples) noexcept;
  void clear(int channel, int startSample, int numSamples) noexcept;
  void applyGain(Type gain) noexcept;
  void applyGain(int channel, int startSample, int numSamples, Type gain) noexcept;
  void applyGainRamp(int channel, int startSample, int numSamples, Type startGain, Type endGain) noexcept;
  void addFrom(int destChannel, int destStartSample, const AudioBuffer &source, int sourceChannel,
               int sourceStartSample, int numSamples, Type gainToApplyToSource = Type(1)) noexcept;
  void copyFrom(int destChannel, int destStartSample, const AudioBuffer &source, int sourceChannel,
                int sourceStartSample, int numSamples) noexcept;
  Type getMagnitude(int channel, int startSample, int numSamples) const noexcept;
  Type getRMSLevel(int channel, int startSample, int numSamples) const noexcept;

private:
  int numChannels = 0, size = 0;
  size_t allocatedBytes = 0;
  Type **channels = nullptr;
  Type *preallocatedChannelSpace[32];
  bool isClear = false;
};

class JUCE_API MidiMessage {
public:
  MidiMessage(int byte1, int byte2, int byte3, double timeStamp = 0) noexcept;
  MidiMessage(const MidiMessage &);
  MidiMessage(MidiMessage &&) noexcept;
  ~MidiMessage() noexcept;
  MidiMessage &operator=(const MidiMessage &);
  static MidiMessage noteOn(int channel, int noteNumber, float velocity) noexcept;
  static MidiMessage noteOff(int channel, int noteNumber, float velocity) noexcept;
  bool isNoteOn(bool returnTrueForVelocity0 = false) const noexcept;
  int getNoteNumber() const noexcept;
  float getFloatVelocity() const noexcept;

private:
  union PackedData {
    uint8 *allocatedData;
    uint8 asBytes[sizeof(uint8 *)];
  } packedData;
  double timeStamp = 0;
  int size;
};

class JUCE_API MidiBuffer {
public:
  MidiBuffer() noexcept;
  ~MidiBuffer();
  void clear() noexcept;
  bool isEmpty() const noexcept;
  int getNumEvents() const noexcept;
  bool addEvent(const MidiMessage &midiMessage, int sampleNumber);
  bool addEvent(const void *rawMidiData, int maxBytesOfMidiData, int sampleNumber);
  void addEvents(const MidiBuffer &otherBuffer, int startSample, int numSamples, int sampleDeltaToAdd);
  void ensureSize(size_t minimumNumBytes);
};

class JUCE_API FloatVectorOperations {
public:
  static void JUCE_CALLTYPE clear(float *dest, int numValues) noexcept;
  static void JUCE_CALLTYPE copy(float *dest, const float *src, int numValues) noexcept;
  static void JUCE_CALLTYPE multiply(float *dest, float multiplier, int numValues) noexcept;
  static void JUCE_CALLTYPE add(float *dest, const float *src, int numValues) noexcept;
};

class JUCE_API ScopedNoDenormals {
public:
  ScopedNoDenormals() noexcept;
  ~ScopedNoDenormals() noexcept;

private:
  intptr_t fpsr;
};

struct JUCE_API AudioSourceChannelInfo {
  AudioBuffer<float> *buffer;
  int startSample;
  int numSamples;
  void clearActiveBufferRegion() const {
    if (buffer != nullptr)
      buffer->clear(startSample, numSamples);
  }
};

class JUCE_API AudioSource {
public:
  virtual ~AudioSource() = default;
  virtual void prepareToPlay(int samplesPerBlockExpected, double sampleRate) = 0;
  virtual void releaseResources() = 0;
  virtual void getNextAudioBlock(const AudioSourceChannelInfo &bufferToFill) = 0;
};

class JUCE_API SynthesiserSound {
public:
  virtual ~SynthesiserSound();
  virtual bool appliesToNote(int midiNoteNumber) = 0;
  virtual bool appliesToChannel(int midiChannel) = 0;
};

class JUCE_API SynthesiserVoice {
public:
  virtual ~SynthesiserVoice();
  virtual bool canPlaySound(SynthesiserSound *) = 0;
  virtual void startNote(int midiNoteNumber, float velocity, SynthesiserSound *sound,
                         int currentPitchWheelPosition) = 0;
  virtual void stopNote(float velocity, bool allowTailOff) = 0;
  virtual void pitchWheelMoved(int newPitchWheelValue) = 0;
  virtual void controllerMoved(int controllerNumber, int newControllerValue) = 0;
  virtual void renderNextBlock(AudioBuffer<float> &outputBuffer, int startSample, int numSamples) = 0;
  void clearCurrentNote();
  double getSampleRate() const noexcept;
};

} // namespace juce

#endif
