// A DPF-style plug-in base class (DISTRHO::Plugin::run is a root by an override rule) and the factory the wrapper calls.
#pragma once

#include <stdint.h>

namespace DISTRHO {
class Plugin {
public:
  virtual ~Plugin() {}
  virtual void run(const float **inputs, float **outputs, uint32_t frames) = 0;
};
Plugin *createPlugin();
} // namespace DISTRHO
