// Inline DSP helpers: included by engine.cpp only (the test touches this header and expects that
// TU alone to be re-extracted).
#pragma once

inline float soft_clip(float x) { return x > 1.0f ? 1.0f : (x < -1.0f ? -1.0f : x); }
