/* An ALSA async PCM callback that only reads its private data, does frame/format arithmetic and fills channel areas: no finding. */
// compile-flags: -std=gnu11
#include <alsa/asoundlib.h>
#include <stdatomic.h>

struct ctx {
  snd_pcm_channel_area_t areas[2];
  snd_pcm_uframes_t period;
  atomic_uint periods;
};

static void on_period(snd_async_handler_t *h) {
  struct ctx *c = snd_async_handler_get_callback_private(h);
  snd_pcm_t *pcm = snd_async_handler_get_pcm(h);
  ssize_t bytes = snd_pcm_frames_to_bytes(pcm, (snd_pcm_sframes_t)c->period);
  (void)bytes;
  snd_pcm_areas_silence(c->areas, 0, 2, c->period, SND_PCM_FORMAT_FLOAT_LE);
  atomic_fetch_add_explicit(&c->periods, 1, memory_order_relaxed);
}

int main(void) {
  static struct ctx c = {.period = 256};
  snd_pcm_t *pcm;
  snd_async_handler_t *h;
  snd_pcm_open(&pcm, "default", SND_PCM_STREAM_PLAYBACK, 0);
  snd_async_add_pcm_handler(&h, pcm, on_period, &c);
  return snd_pcm_start(pcm);
}
