/* Declaration-only subset of FFmpeg 5.1 libavcodec/avcodec.h and packet.h. */
#ifndef AVCODEC_AVCODEC_H
#define AVCODEC_AVCODEC_H

#include "libavutil/avutil.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct AVCodec AVCodec;
typedef struct AVCodecContext {
  int width, height;
  enum AVPixelFormat pix_fmt;
  AVRational time_base;
} AVCodecContext;
typedef struct AVPacket {
  AVBufferRef *buf;
  int64_t pts;
  int64_t dts;
  uint8_t *data;
  int size;
  int stream_index;
} AVPacket;

AVPacket *av_packet_alloc(void);
void av_packet_free(AVPacket **pkt);
void av_packet_unref(AVPacket *pkt);
int avcodec_send_packet(AVCodecContext *avctx, const AVPacket *avpkt);
int avcodec_receive_frame(AVCodecContext *avctx, AVFrame *frame);
void avcodec_flush_buffers(AVCodecContext *avctx);
int avcodec_open2(AVCodecContext *avctx, const AVCodec *codec, void **options);

#ifdef __cplusplus
}
#endif

#endif
