// The audio back-ends' interface (DPF's NativeBridge, reduced) and the bridge whose function-local static loads the audio library on first use.
#pragma once

struct NativeBridge {
  virtual ~NativeBridge() {}
  virtual bool open(const char *name) = 0;
  virtual bool requestAudioInput() { return false; }
};

int bridge_library_version();
void bridge_process(float *out, int frames);
