// The overrides live here; the allocating one is reached from the root in main.cpp via engine.cpp.
#include "base.h"
#include <vector>

class Recorder : public Processor {
public:
  void process_block(float *buf, int n) override {
    for (int i = 0; i < n; ++i)
      history_.push_back(buf[i]);  // expect: alloc
    float *copy = new float[static_cast<unsigned>(n)];  // expect: alloc
    last_ = copy;
  }

private:
  std::vector<float> history_;
  float *last_ = nullptr;
};

class Silence : public Processor {
public:
  void process_block(float *buf, int n) override {
    for (int i = 0; i < n; ++i)
      buf[i] = 0.0f;
  }
};

Processor *make_recorder() { return new Recorder; }
Processor *make_silence() { return new Silence; }
