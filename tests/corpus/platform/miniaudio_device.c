/* miniaudio: the dataCallback stored in ma_device_config (passed to ma_device_init) is an audio root; ring-buffer reads, frame copies and silence are safe, ma_malloc, ma_mutex_lock, ma_sleep and stopping the device are reported. */
#include <miniaudio.h>

typedef struct {
  ma_pcm_rb rb;
  ma_mutex lock;
  void *scratch;
} Player;

static void data_callback(ma_device *pDevice, void *pOutput, const void *pInput, ma_uint32 frameCount) {
  Player *p = (Player *)pDevice->pUserData;
  (void)pInput;
  ma_uint32 frames = frameCount;
  void *src;
  if (ma_pcm_rb_available_read(&p->rb) >= frameCount && ma_pcm_rb_acquire_read(&p->rb, &frames, &src) == MA_SUCCESS) {
    ma_copy_pcm_frames(pOutput, src, frames, ma_format_f32, 2);
    ma_pcm_rb_commit_read(&p->rb, frames);
    return;
  }
  ma_silence_pcm_frames(pOutput, frameCount, ma_format_f32, 2);
  ma_mutex_lock(&p->lock); // expect: lock
  p->scratch = ma_malloc(frameCount * ma_get_bytes_per_frame(ma_format_f32, 2), NULL); // expect: alloc
  ma_mutex_unlock(&p->lock); // expect: lock
  ma_sleep(1); // expect: syscall
  ma_device_stop(pDevice); // expect: driver
}

int main(void) {
  static Player player;
  static ma_device device;
  ma_device_config config = ma_device_config_init(ma_device_type_playback);
  config.playback.format = ma_format_f32;
  config.playback.channels = 2;
  config.sampleRate = 48000;
  config.dataCallback = data_callback;
  config.pUserData = &player;
  if (ma_device_init(NULL, &config, &device) != MA_SUCCESS)
    return 1;
  return ma_device_start(&device);
}
