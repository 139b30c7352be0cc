/* Declaration-only subset of JUCE 7's juce_audio_devices module: AudioIODeviceCallback (with the
 * JUCE 7 audioDeviceIOCallbackWithContext and the deprecated audioDeviceIOCallback), MidiInputCallback. */
#ifndef JUCE_AUDIO_DEVICES_H_INCLUDED
#define JUCE_AUDIO_DEVICES_H_INCLUDED

#include <juce_audio_basics/juce_audio_basics.h>

namespace juce {

class AudioIODevice;
class MidiInput;

struct AudioIODeviceCallbackContext {
  const uint64_t *hostTimeNs = nullptr;
};

class JUCE_API AudioIODeviceCallback {
public:
  virtual ~AudioIODeviceCallback() = default;
  virtual void audioDeviceIOCallbackWithContext(const float *const *inputChannelData,
                                                int numInputChannels,
                                                float *const *outputChannelData,
                                                int numOutputChannels, int numSamples,
                                                const AudioIODeviceCallbackContext &context);
  virtual void audioDeviceIOCallback(const float **inputChannelData, int numInputChannels,
                                     float **outputChannelData, int numOutputChannels,
                                     int numSamples);
  virtual void audioDeviceAboutToStart(AudioIODevice *device) = 0;
  virtual void audioDeviceStopped() = 0;
  virtual void audioDeviceError(const String &errorMessage);
};

class JUCE_API MidiInputCallback {
public:
  virtual ~MidiInputCallback() = default;
  virtual void handleIncomingMidiMessage(MidiInput *source, const MidiMessage &message) = 0;
};

} // namespace juce

#endif
