/* Declaration-only subset of iPlug2's IPlugProcessor.h / IPlugAPIBase.h / IPlugParameter.h:
 * iplug::IPlugProcessor::ProcessBlock and the Plugin base; GetParam()/IParam::Value() keep their
 * (simplified) inline bodies as in iPlug2. */
#ifndef _IPLUGPROCESSOR_
#define _IPLUGPROCESSOR_

namespace iplug {

using sample = double;

class IPlugProcessor {
public:
  virtual ~IPlugProcessor();
  virtual void ProcessBlock(sample **inputs, sample **outputs, int nFrames);
  virtual void OnReset() {}
  double GetSampleRate() const { return mSampleRate; }
  int NOutChansConnected() const;

private:
  double mSampleRate = 44100.0;
};

class IParam {
public:
  double Value() const { return mValue; }

private:
  double mValue = 0.0;
};

class Plugin : public IPlugProcessor {
public:
  IParam *GetParam(int paramIdx) { return mParams[paramIdx]; }

private:
  IParam *mParams[64] = {};
};

} // namespace iplug

#endif
