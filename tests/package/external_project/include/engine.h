// The synthesiser's engine: render() runs on JACK's process thread.
#pragma once
#include <cstddef>

class Engine {
public:
  void render(float *out, std::size_t frames);

private:
  float phase_ = 0.0f;
};
