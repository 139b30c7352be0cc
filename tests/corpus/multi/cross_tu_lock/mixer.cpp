// The lock sites reached from the root in main.cpp; mixer_set_gain is called from the UI only.
#include "mixer.h"
#include <pthread.h>

static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static float g_gain = 1.0f;

float mixer_gain() {
  pthread_mutex_lock(&g_mu);  // expect: lock
  float g = g_gain;
  pthread_mutex_unlock(&g_mu);  // expect: lock
  return g;
}

void mixer_set_gain(float g) {
  pthread_mutex_lock(&g_mu);
  g_gain = g;
  pthread_mutex_unlock(&g_mu);
}
