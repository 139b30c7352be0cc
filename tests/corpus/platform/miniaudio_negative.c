/* A miniaudio data callback that drains a preallocated PCM ring buffer and pads with silence: no finding. */
#include <miniaudio.h>

static void data_callback(ma_device *pDevice, void *pOutput, const void *pInput, ma_uint32 frameCount) {
  ma_pcm_rb *rb = (ma_pcm_rb *)pDevice->pUserData;
  (void)pInput;
  ma_uint32 done = 0;
  while (done < frameCount && ma_pcm_rb_available_read(rb) > 0) {
    ma_uint32 n = frameCount - done;
    void *src;
    if (ma_pcm_rb_acquire_read(rb, &n, &src) != MA_SUCCESS || n == 0)
      break;
    ma_copy_pcm_frames((char *)pOutput + done * ma_get_bytes_per_frame(ma_format_f32, 2), src, n, ma_format_f32, 2);
    ma_pcm_rb_commit_read(rb, n);
    done += n;
  }
  if (done < frameCount)
    ma_silence_pcm_frames((char *)pOutput + done * ma_get_bytes_per_frame(ma_format_f32, 2), frameCount - done, ma_format_f32, 2);
}

ma_result start(ma_device *device, ma_pcm_rb *rb) {
  ma_device_config config = ma_device_config_init(ma_device_type_playback);
  config.playback.format = ma_format_f32;
  config.playback.channels = 2;
  config.dataCallback = data_callback;
  config.pUserData = rb;
  ma_result r = ma_device_init(NULL, &config, device);
  return r == MA_SUCCESS ? ma_device_start(device) : r;
}
