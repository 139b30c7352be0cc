/* ALSA in an annotated audio thread: PCM transfers, state/avail queries through the driver, hw-params changes and recovery are reported; format and frame arithmetic and area copies are not. */
// compile-flags: -std=gnu11
#include <alsa/asoundlib.h>
#include <rtcheck/realtime.h>

static snd_pcm_t *g_pcm;
static snd_pcm_hw_params_t *g_hw;
static snd_pcm_channel_area_t g_src[2], g_dst[2];

RTCHECK_REALTIME(audio) void audio_thread_iteration(int16_t *buf, snd_pcm_uframes_t frames) {
  ssize_t bytes = snd_pcm_frames_to_bytes(g_pcm, (snd_pcm_sframes_t)frames);
  int width = snd_pcm_format_physical_width(SND_PCM_FORMAT_S16_LE);
  snd_pcm_areas_copy(g_dst, 0, g_src, 0, 2, frames, SND_PCM_FORMAT_S16_LE);
  (void)bytes;
  (void)width;
  snd_pcm_sframes_t avail = snd_pcm_avail(g_pcm); // expect: driver
  snd_pcm_sframes_t cheap = snd_pcm_avail_update(g_pcm); // expect: lock
  if (avail < 0 || cheap < 0)
    snd_pcm_recover(g_pcm, (int)avail, 1); // expect: driver
  snd_pcm_sframes_t n = snd_pcm_writei(g_pcm, buf, frames); // expect: driver
  if (n == -EPIPE)
    snd_pcm_prepare(g_pcm); // expect: driver
  if (snd_pcm_state(g_pcm) == SND_PCM_STATE_XRUN) // expect: lock
    snd_pcm_hw_params_set_period_size(g_pcm, g_hw, frames * 2, 0); // expect: driver
  snd_pcm_wait(g_pcm, 10); // expect: syscall
}
