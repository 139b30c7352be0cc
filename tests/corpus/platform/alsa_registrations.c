/* ALSA async registrations besides snd_async_add_pcm_handler: snd_async_add_handler (a file descriptor's SIGIO) and snd_async_add_timer_handler make their callbacks audio roots. */
// compile-flags: -std=gnu11
#include <alsa/asoundlib.h>
#include <stdio.h>

static snd_pcm_t *g_pcm;
static int16_t g_silence[512];

static void fd_ready(snd_async_handler_t *h) {
  int fd = snd_async_handler_get_fd(h);
  fprintf(stderr, "fd %d ready\n", fd); // expect: syscall
}

static void timer_tick(snd_async_handler_t *h) {
  snd_timer_t *timer = snd_async_handler_get_timer(h);
  snd_timer_read(timer, g_silence, sizeof g_silence); // expect: driver
  snd_pcm_writei(g_pcm, g_silence, 256); // expect: driver
}

int main(void) {
  snd_async_handler_t *fd_handler, *timer_handler;
  snd_timer_t *timer;
  snd_pcm_open(&g_pcm, "default", SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK);
  snd_async_add_handler(&fd_handler, 0, fd_ready, NULL);
  snd_timer_open(&timer, "hw:CLASS=2,SCLASS=0,CARD=0,DEV=0,SUBDEV=0", SND_TIMER_OPEN_NONBLOCK);
  snd_async_add_timer_handler(&timer_handler, timer, timer_tick, NULL);
  snd_timer_start(timer);
  return 0;
}
