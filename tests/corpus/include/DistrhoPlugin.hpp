/* Declaration-only subset of DPF's DistrhoPlugin.hpp: DISTRHO::Plugin and its run() virtual. */
#ifndef DISTRHO_PLUGIN_HPP_INCLUDED
#define DISTRHO_PLUGIN_HPP_INCLUDED

#include <cstdint>

#define START_NAMESPACE_DISTRHO namespace DISTRHO {
#define END_NAMESPACE_DISTRHO }
#define USE_NAMESPACE_DISTRHO using namespace DISTRHO;

START_NAMESPACE_DISTRHO

struct MidiEvent {
  uint32_t frame;
  uint32_t size;
  uint8_t data[4];
  const uint8_t *dataExt;
};

class Plugin {
public:
  Plugin(uint32_t parameterCount, uint32_t programCount, uint32_t stateCount);
  virtual ~Plugin();
  double getSampleRate() const noexcept;
  uint32_t getBufferSize() const noexcept;
  bool writeMidiEvent(const MidiEvent &midiEvent) noexcept;

protected:
  virtual const char *getLabel() const = 0;
  virtual float getParameterValue(uint32_t index) const = 0;
  virtual void setParameterValue(uint32_t index, float value) = 0;
  virtual void activate() {}
  virtual void run(const float **inputs, float **outputs, uint32_t frames) = 0;
};

END_NAMESPACE_DISTRHO

#endif
