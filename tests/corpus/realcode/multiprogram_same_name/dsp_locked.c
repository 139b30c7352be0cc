/* Static library "dsp_locked", linked into "mixer" only: its lock is mixer's finding. */
#include <pthread.h>

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static float g_gain = 1.0f;

float dsp_gain(void) {
  pthread_mutex_lock(&g_lock);
  float g = g_gain;
  pthread_mutex_unlock(&g_lock);
  return g;
}
