/* Declaration-only subset of miniaudio 0.11 (miniaudio.h without MINIAUDIO_IMPLEMENTATION). */
#ifndef miniaudio_h
#define miniaudio_h

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t ma_uint32;
typedef uint64_t ma_uint64;
typedef uint8_t ma_uint8;
typedef ma_uint32 ma_bool32;
typedef int ma_result;
#define MA_SUCCESS 0

typedef enum { ma_device_type_playback = 1, ma_device_type_capture = 2, ma_device_type_duplex = 3 } ma_device_type;
typedef enum { ma_format_unknown = 0, ma_format_u8 = 1, ma_format_s16 = 2, ma_format_f32 = 5 } ma_format;

typedef struct ma_context ma_context;
typedef struct ma_device ma_device;
typedef struct ma_mutex { void *handle; } ma_mutex;
typedef struct ma_pcm_rb { void *pBuffer; ma_uint32 subbufferSizeInBytes; } ma_pcm_rb;

typedef void (*ma_device_data_proc)(ma_device *pDevice, void *pOutput, const void *pInput, ma_uint32 frameCount);
typedef void (*ma_stop_proc)(ma_device *pDevice);

typedef struct ma_device_config {
  ma_device_type deviceType;
  ma_uint32 sampleRate;
  ma_uint32 periodSizeInFrames;
  ma_device_data_proc dataCallback;
  ma_stop_proc stopCallback;
  void *pUserData;
  struct {
    ma_format format;
    ma_uint32 channels;
  } playback, capture;
} ma_device_config;

struct ma_device {
  ma_context *pContext;
  ma_device_type type;
  ma_uint32 sampleRate;
  void *pUserData;
};

ma_device_config ma_device_config_init(ma_device_type deviceType);
ma_result ma_device_init(ma_context *pContext, const ma_device_config *pConfig, ma_device *pDevice);
void ma_device_uninit(ma_device *pDevice);
ma_result ma_device_start(ma_device *pDevice);
ma_result ma_device_stop(ma_device *pDevice);

ma_result ma_pcm_rb_init(ma_format format, ma_uint32 channels, ma_uint32 bufferSizeInFrames,
                         void *pOptionalPreallocatedBuffer, const void *pAllocationCallbacks, ma_pcm_rb *pRB);
ma_result ma_pcm_rb_acquire_read(ma_pcm_rb *pRB, ma_uint32 *pSizeInFrames, void **ppBufferOut);
ma_result ma_pcm_rb_commit_read(ma_pcm_rb *pRB, ma_uint32 sizeInFrames);
ma_uint32 ma_pcm_rb_available_read(ma_pcm_rb *pRB);
void ma_copy_pcm_frames(void *dst, const void *src, ma_uint64 frameCount, ma_format format, ma_uint32 channels);
void ma_silence_pcm_frames(void *p, ma_uint64 frameCount, ma_format format, ma_uint32 channels);
ma_uint32 ma_get_bytes_per_frame(ma_format format, ma_uint32 channels);

void *ma_malloc(size_t sz, const void *pAllocationCallbacks);
void ma_free(void *p, const void *pAllocationCallbacks);
ma_result ma_mutex_lock(ma_mutex *pMutex);
ma_result ma_mutex_unlock(ma_mutex *pMutex);
void ma_sleep(ma_uint32 milliseconds);

#ifdef __cplusplus
}
#endif

#endif /* miniaudio_h */
