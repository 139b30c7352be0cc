// Plugin SDK virtuals: VST3 IAudioProcessor::process, DPF Plugin::run and iPlug2 IPlugProcessor::ProcessBlock overrides are audio roots; host-implemented interfaces (IParameterChanges) are unresolvable calls.
#include <DistrhoPlugin.hpp>
#include <IPlugProcessor.h>
#include <pluginterfaces/vst/ivstaudioprocessor.h>
#include <map>
#include <memory>
#include <string>

using namespace Steinberg;

class Vst3Gain : public Vst::IAudioProcessor {
public:
  tresult PLUGIN_API process(Vst::ProcessData &data) override {
    if (data.inputParameterChanges && data.inputParameterChanges->getParameterCount() > 0) // expect: indirect
      names_[data.numSamples] = "changed"; // expect: alloc
    for (int32 i = 0; i < data.numSamples; ++i)
      data.outputs[0].channelBuffers32[0][i] = data.inputs[0].channelBuffers32[0][i] * gain_;
    return kResultOk;
  }
  tresult PLUGIN_API setupProcessing(Vst::ProcessSetup &) override { return kResultOk; }
  tresult PLUGIN_API setProcessing(TBool) override { return kResultOk; }
  uint32 PLUGIN_API getTailSamples() override { return 0; }
  tresult PLUGIN_API queryInterface(const TUID, void **) override { return kNotImplemented; }
  uint32 PLUGIN_API addRef() override { return 1; }
  uint32 PLUGIN_API release() override { return 1; }

private:
  std::map<int32, std::string> names_;
  float gain_ = 0.5f;
};

START_NAMESPACE_DISTRHO
class DpfGain : public Plugin {
public:
  DpfGain() : Plugin(1, 0, 0) {}

protected:
  const char *getLabel() const override { return "Gain"; }
  float getParameterValue(uint32_t) const override { return gain_; }
  void setParameterValue(uint32_t, float v) override { gain_ = v; }
  void run(const float **inputs, float **outputs, uint32_t frames) override {
    for (uint32_t i = 0; i < frames; ++i)
      outputs[0][i] = inputs[0][i] * gain_;
    history_ = std::make_unique<float[]>(frames); // expect: alloc
  }

private:
  float gain_ = 1.0f;
  std::unique_ptr<float[]> history_;
};
END_NAMESPACE_DISTRHO

class IPlugGain : public iplug::Plugin {
public:
  void ProcessBlock(iplug::sample **inputs, iplug::sample **outputs, int nFrames) override {
    const double g = GetParam(0)->Value();
    for (int s = 0; s < nFrames; ++s)
      outputs[0][s] = inputs[0][s] * g;
    label_ = std::to_string(nFrames); // expect: alloc
  }

private:
  std::string label_;
};
