/* Done-criterion: an unannotated ALSA async callback (snd_async_add_pcm_handler, modelled on alsa-lib's test/pcm.c) is a root; its PCM transfer and its allocation are reported. */
// compile-flags: -std=gnu11
#include <alsa/asoundlib.h>
#include <stdio.h>
#include <stdlib.h>

struct async_private_data {
  signed short *samples;
  snd_pcm_uframes_t period_size;
};

static void generate(signed short *samples, snd_pcm_uframes_t frames) {
  for (snd_pcm_uframes_t i = 0; i < frames; ++i)
    samples[i] = 0;
}

static void async_callback(snd_async_handler_t *ahandler) {
  snd_pcm_t *handle = snd_async_handler_get_pcm(ahandler);
  struct async_private_data *data = snd_async_handler_get_callback_private(ahandler);
  snd_pcm_sframes_t avail = snd_pcm_avail_update(handle); // expect: lock
  while (avail >= (snd_pcm_sframes_t)data->period_size) {
    generate(data->samples, data->period_size);
    snd_pcm_sframes_t err = snd_pcm_writei(handle, data->samples, data->period_size); // expect: driver
    if (err < 0) {
      printf("Write error: %s\n", snd_strerror((int)err)); // expect: syscall
      data->samples = realloc(data->samples, 2 * data->period_size * sizeof(short)); // expect: alloc
    }
    avail = snd_pcm_avail_update(handle); // expect: lock
  }
}

int main(void) {
  snd_pcm_t *pcm;
  snd_async_handler_t *ahandler;
  static struct async_private_data data;
  snd_pcm_open(&pcm, "default", SND_PCM_STREAM_PLAYBACK, 0);
  data.period_size = 256;
  data.samples = malloc(data.period_size * sizeof(short));
  snd_async_add_pcm_handler(&ahandler, pcm, async_callback, &data);
  snd_pcm_start(pcm);
  return 0;
}
