/* Declaration-only subset of FFmpeg 5.1 libavutil (avutil.h, rational.h, mem.h, frame.h, log.h,
 * time.h, error.h, mathematics.h). av_q2d keeps its static inline body as in rational.h. */
#ifndef AVUTIL_AVUTIL_H
#define AVUTIL_AVUTIL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AV_LOG_ERROR 16
#define AV_LOG_WARNING 24
#define AV_LOG_INFO 32
#define AV_NUM_DATA_POINTERS 8
#define AVERROR(e) (-(e))
#define AVERROR_EOF (-0x20464f45)

typedef struct AVRational {
  int num;
  int den;
} AVRational;

static inline double av_q2d(AVRational a) { return a.num / (double)a.den; }
int64_t av_rescale_q(int64_t a, AVRational bq, AVRational cq);

enum AVPixelFormat { AV_PIX_FMT_NONE = -1, AV_PIX_FMT_YUV420P = 0, AV_PIX_FMT_RGB24 = 2 };

typedef struct AVBufferRef AVBufferRef;

typedef struct AVFrame {
  uint8_t *data[AV_NUM_DATA_POINTERS];
  int linesize[AV_NUM_DATA_POINTERS];
  int width, height;
  int nb_samples;
  int format;
  int64_t pts;
  AVBufferRef *buf[AV_NUM_DATA_POINTERS];
} AVFrame;

void *av_malloc(size_t size);
void *av_mallocz(size_t size);
void av_free(void *ptr);
void av_freep(void *ptr);
AVFrame *av_frame_alloc(void);
void av_frame_free(AVFrame **frame);
void av_frame_unref(AVFrame *frame);
int av_frame_ref(AVFrame *dst, const AVFrame *src);
void av_log(void *avcl, int level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int64_t av_gettime_relative(void);
int av_usleep(unsigned usec);
int av_strerror(int errnum, char *errbuf, size_t errbuf_size);

#ifdef __cplusplus
}
#endif

#endif
