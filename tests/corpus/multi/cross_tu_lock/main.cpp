// A root in this TU reaches a pthread mutex taken in another TU (mixer.cpp).
#include "mixer.h"
#include <rtcheck/realtime.h>

RTCHECK_REALTIME(audio) void audio_callback(float *buf, int n) {
  float g = mixer_gain();
  for (int i = 0; i < n; ++i)
    buf[i] *= g;
}

void ui_set_gain(float g) { mixer_set_gain(g); }
