/* Declaration-only subset of the VST3 SDK's pluginterfaces/vst/ivstaudioprocessor.h and
 * ivstparameterchanges.h. */
#ifndef __ivstaudioprocessor__
#define __ivstaudioprocessor__

#include "pluginterfaces/base/funknown.h"

namespace Steinberg {
namespace Vst {

typedef uint32 ParamID;
typedef double ParamValue;
typedef double Sample64;
typedef float Sample32;

struct AudioBusBuffers {
  int32 numChannels;
  uint64_t silenceFlags;
  union {
    Sample32 **channelBuffers32;
    Sample64 **channelBuffers64;
  };
};

class IParamValueQueue : public FUnknown {
public:
  virtual ParamID PLUGIN_API getParameterId() = 0;
  virtual int32 PLUGIN_API getPointCount() = 0;
  virtual tresult PLUGIN_API getPoint(int32 index, int32 &sampleOffset, ParamValue &value) = 0;
};

class IParameterChanges : public FUnknown {
public:
  virtual int32 PLUGIN_API getParameterCount() = 0;
  virtual IParamValueQueue *PLUGIN_API getParameterData(int32 index) = 0;
};

struct ProcessSetup {
  int32 processMode;
  int32 symbolicSampleSize;
  int32 maxSamplesPerBlock;
  double sampleRate;
};

struct ProcessData {
  int32 processMode;
  int32 symbolicSampleSize;
  int32 numSamples;
  int32 numInputs;
  int32 numOutputs;
  AudioBusBuffers *inputs;
  AudioBusBuffers *outputs;
  IParameterChanges *inputParameterChanges;
  IParameterChanges *outputParameterChanges;
};

class IAudioProcessor : public FUnknown {
public:
  virtual tresult PLUGIN_API setupProcessing(ProcessSetup &setup) = 0;
  virtual tresult PLUGIN_API setProcessing(TBool state) = 0;
  virtual tresult PLUGIN_API process(ProcessData &data) = 0;
  virtual uint32 PLUGIN_API getTailSamples() = 0;
};

} // namespace Vst
} // namespace Steinberg

#endif
